package io.isolane.replies.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Loads the language and intent models when the service starts, so the first reply does not pay a
 * second of model loading and readiness means ready to classify.
 */
@ApplicationScoped
public class ModelPreload {
  private static final Logger LOG = Logger.getLogger(ModelPreload.class);

  void load(@Observes StartupEvent event) {
    long languageMillis = LanguageGuesser.loadMillis();
    IntentModel model = IntentModel.shared();
    LOG.infof(
        "models loaded: language %d ms, intent %s",
        languageMillis, model == null ? "absent" : model.loadMillis() + " ms");
  }
}
