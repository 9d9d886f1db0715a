package io.isolane.tenant.service;

import io.isolane.contracts.events.Stream;

/**
 * A domain a tenant adds.
 *
 * @param name domain name (IDN accepted)
 * @param stream the stream its mail is sent in
 * @param mailFromSubdomain the label of the custom MAIL FROM domain (default {@code bounce})
 */
public record NewDomain(String name, Stream stream, String mailFromSubdomain) {}
