/**
 * The call layer every resource group stands on: {@link dev.berth.internal.http.ApiClient} puts a
 * request together, negotiates the API version, adds the {@code /v1.NN} prefix and maps error
 * answers to typed exceptions ({@link dev.berth.internal.http.Errors}); {@link
 * dev.berth.internal.http.Json} and {@link dev.berth.internal.http.Fields} read and write the
 * engine's JSON, {@link dev.berth.internal.http.EngineTimes} its times, {@link
 * dev.berth.internal.http.Paths} makes path segments, and {@link dev.berth.internal.http.RawCalls}
 * is {@code docker.api()}.
 */
package dev.berth.internal.http;
