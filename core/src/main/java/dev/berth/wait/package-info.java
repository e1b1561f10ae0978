/**
 * When a started container counts as ready: a {@link dev.berth.wait.Wait} says what is waited for
 * (a log line, a port that accepts, an HTTP answer, a healthy healthcheck, an exec that exits 0,
 * or all of several), and a {@link dev.berth.wait.Waiter} polls a container until it holds, the
 * container exits, or a timeout passes; it then fails with a {@link dev.berth.wait.WaitException}
 * that says why and ends with the container's last lines of output.
 *
 * <pre>{@code
 * Container db = docker.containers().run(spec, PullPolicy.MISSING);
 * Waiter.of(docker, db).timeout(Duration.ofSeconds(30))
 *     .await(Wait.forLogLine("ready to accept connections").times(2), Wait.forPort(5432));
 * }</pre>
 */
package dev.berth.wait;
