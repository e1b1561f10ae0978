/**
 * TLS material with the JDK alone: PEM certificates and keys (PKCS#1, PKCS#8, SEC1, encrypted
 * PKCS#8), trust managers, the client key manager and the {@code SSLContext} that {@link
 * dev.berth.transport.TlsConfig} hands to the transports.
 */
package dev.berth.transport.internal.tls;
