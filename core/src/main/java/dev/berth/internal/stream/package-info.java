/**
 * What the engine streams back and the calls that open those streams: multiplexed or raw output
 * ({@link dev.berth.internal.stream.FrameStream}, framing decided by {@link
 * dev.berth.internal.stream.Streams}), logs, attach and exec ({@link
 * dev.berth.internal.stream.LogCall}, {@link dev.berth.internal.stream.AttachCall}, {@link
 * dev.berth.internal.stream.ExecCall}), stats, and JSON-message progress ({@link
 * dev.berth.internal.stream.ProgressStream}; {@link dev.berth.internal.stream.ImagePull} reads a pull
 * to its end, for the pull-before-create policy of {@code docker run}).
 */
package dev.berth.internal.stream;
