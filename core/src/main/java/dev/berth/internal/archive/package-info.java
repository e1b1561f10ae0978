/**
 * POSIX tar streams as Docker's archive endpoints move them ({@code docker cp}, container export,
 * build contexts): {@link dev.berth.internal.archive.TarWriter} writes one, {@link
 * dev.berth.internal.archive.TarReader} reads one entry by entry, and {@link
 * dev.berth.internal.archive.TarExtractor} unpacks one under a directory without letting any entry
 * land outside it.
 *
 * <p>Everything streams: memory use does not grow with the size of an entry or of the archive, and
 * nothing is spooled to temporary files.
 */
package dev.berth.internal.archive;
