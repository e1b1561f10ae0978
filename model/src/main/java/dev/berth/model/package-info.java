/**
 * Immutable value types of the Docker Engine API.
 *
 * <p>Values are never mutated: a {@code with…} method or a builder returns a new value. Parsers
 * throw {@link java.lang.IllegalArgumentException} with a message that quotes the input and says
 * what is allowed. Read-side results (such as {@link dev.berth.model.Version}) carry the whole
 * JSON the engine sent in {@code raw()}, so fields not typed here are never out of reach.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package dev.berth.model;
