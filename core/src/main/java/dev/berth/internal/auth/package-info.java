/**
 * Registry credentials as the docker CLI keeps them: {@link
 * dev.berth.internal.auth.CredentialStore} finds, stores and erases them in {@code config.json} and
 * through {@code docker-credential-*} helpers, and {@link dev.berth.internal.auth.RegistryAuth}
 * holds one and encodes the {@code X-Registry-Auth} and {@code X-Registry-Config} headers.
 *
 * <p>No secret is ever put in a {@code toString()}, a log line or an exception message.
 */
package dev.berth.internal.auth;
