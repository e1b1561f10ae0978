/**
 * Berth in your tests: containers and networks as JUnit 5 fixtures ({@link
 * dev.berth.junit.DockerTest}, {@link dev.berth.junit.Fixture}), ready when a {@link
 * dev.berth.junit.Wait} says so, and removed after use, also when the test JVM is killed.
 */
package dev.berth.junit;
