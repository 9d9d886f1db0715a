package io.isolane.tenant.rest;

import io.isolane.contracts.TenantIds;
import io.isolane.contracts.events.IsolationTier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /v1/tenants}.
 *
 * @param id stable, URL-safe id: 3-63 lower-case letters, digits and inner hyphens
 * @param name display name
 * @param tier shared, isolated or dedicated
 * @param limits sending limits; omitted limits take the platform defaults
 */
public record CreateTenantRequest(
    @NotNull
        @Pattern(
            regexp = TenantIds.REGEX,
            message = "must be 3-63 lower-case letters, digits or inner hyphens")
        String id,
    @NotBlank @Size(max = 200) String name,
    @NotNull IsolationTier tier,
    @Valid Limits limits) {

  /** Requested sending limits. */
  public record Limits(
      @Min(0) @Max(100_000) Integer maxPerSecond, @Min(0) @Max(100_000_000) Integer maxPerDay) {}
}
