package dev.berth.internal.swarm;

import dev.berth.internal.http.ApiClient;
import dev.berth.model.SecretDetails;
import dev.berth.swarm.Secrets;

/** {@code docker secret}: {@code /secrets}. */
final class SecretCalls extends DataCalls<SecretDetails> implements Secrets {
  SecretCalls(ApiClient api) {
    super(api, "secret", SwarmJson::toSecret);
  }
}
