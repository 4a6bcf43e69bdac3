/**
 * Weft's embedded OpenTelemetry SDK: tracer, samplers, processors, resources, exporters. Loaded by
 * the agent class loader and started by {@link dev.weft.sdk.EmbeddedSdk}.
 */
package dev.weft.sdk;
