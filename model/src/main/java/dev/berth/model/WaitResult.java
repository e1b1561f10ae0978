package dev.berth.model;

/**
 * How a container's wait ended ({@code docker wait}).
 *
 * @param exitCode the exit code of its main process
 * @param error the engine's error text when waiting failed, or null
 */
public record WaitResult(int exitCode, String error) {}
