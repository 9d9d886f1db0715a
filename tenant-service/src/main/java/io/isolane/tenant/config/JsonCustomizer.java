package io.isolane.tenant.config;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** The HTTP API writes enums as the events do: lower case (isolated, active ...). */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {
  @Override
  @SuppressWarnings("deprecation") // configure(MapperFeature) is the customizer's only hook
  public void customize(ObjectMapper mapper) {
    mapper.configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true);
    mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
  }
}
