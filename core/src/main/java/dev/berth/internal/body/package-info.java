/**
 * Request bodies built from the model's specs: {@link dev.berth.internal.body.ContainerCreateBody}
 * is the JSON of {@code POST /containers/create}, {@link dev.berth.internal.body.ServiceSpecBody}
 * that of {@code POST /services/create} and {@code /services/{id}/update}; both refuse a setting the
 * negotiated API version does not know.
 */
package dev.berth.internal.body;
