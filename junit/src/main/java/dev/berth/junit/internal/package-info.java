/**
 * The test session behind the fixtures: its labels and client ({@link
 * dev.berth.junit.internal.Session}), the reaper process that removes a dead JVM's containers
 * ({@link dev.berth.junit.internal.Reaper}) and the sweep of earlier sessions whose owner is gone.
 * Not exported.
 */
package dev.berth.junit.internal;
