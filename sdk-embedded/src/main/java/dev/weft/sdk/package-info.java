/**
 * Weft's embedded OpenTelemetry SDK: tracer, samplers, processors, exporters. Loaded by the agent
 * class loader. The SDK itself arrives with the "Traces end to end" work; until then this module
 * reserves its place in the build and in the agent jar.
 */
package dev.weft.sdk;
