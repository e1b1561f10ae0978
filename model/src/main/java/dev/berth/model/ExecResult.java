package dev.berth.model;

/**
 * How a finished command went: its exit code and what it wrote, as {@code docker exec} or a
 * foreground {@code docker run} shows it.
 *
 * <pre>{@code
 * ExecResult r = container.exec("sh", "-c", "echo hi; exit 3").call();
 * r.exitCode();   // 3
 * r.stdout();     // "hi\n"
 * }</pre>
 *
 * @param exitCode the exit code
 * @param stdout what it wrote to standard output, as UTF-8 (everything, for a TTY)
 * @param stderr what it wrote to standard error, as UTF-8 (empty for a TTY)
 */
public record ExecResult(int exitCode, String stdout, String stderr) {}
