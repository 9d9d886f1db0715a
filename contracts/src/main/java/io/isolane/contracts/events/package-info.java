/**
 * The event payloads. One record per event, owned by its producer; enums travel as lower-case
 * snake_case strings. Optional fields are {@code null} and omitted from the JSON.
 */
package io.isolane.contracts.events;
