package dev.berth.internal.swarm;

import dev.berth.internal.http.ApiClient;
import dev.berth.model.ConfigDetails;
import dev.berth.swarm.Configs;

/** {@code docker config}: {@code /configs}. */
final class ConfigCalls extends DataCalls<ConfigDetails> implements Configs {
  ConfigCalls(ApiClient api) {
    super(api, "config", SwarmJson::toConfig);
  }
}
