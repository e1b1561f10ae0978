package dev.berth.maven;

import dev.berth.DockerClient;
import dev.berth.images.Transfer;
import dev.berth.model.ImageRef;
import dev.berth.model.RegistryCredentials;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Pushes images to their registries, as {@code docker push}, with one log line per layer state
 * change. Credentials come from the server entry of {@code settings.xml} whose id {@code
 * serverId} names (its password may be encrypted with {@code mvn --encrypt-password}), else from
 * the user's {@code ~/.docker/config.json} and its credential helpers, as the docker CLI reads
 * them. They are never logged.
 */
@Mojo(name = "push", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PushMojo extends AbstractBerthMojo {
  /** The image to push, such as {@code 127.0.0.1:5000/app:1.0}. */
  @Parameter(property = "berth.image")
  String image;

  /** More images to push. */
  @Parameter
  List<String> images;

  /** The id of a server in {@code settings.xml} whose username and password to use. */
  @Parameter(property = "berth.serverId")
  String serverId;

  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  @Component
  SettingsDecrypter decrypter;

  @Override
  void run(DockerClient client) throws MojoExecutionException {
    for (String name : Names.required(image, images, "image")) {
      Transfer push = client.images().push(name).progress(new ProgressLog(getLog()));
      RegistryCredentials credentials = credentials(name);
      if (credentials != null) {
        push = push.credentials(credentials);
      }
      getLog().info("Pushing " + name + (credentials != null
          ? " as " + credentials.username() + " (server " + serverId + ")" : ""));
      push.call();
    }
  }

  private RegistryCredentials credentials(String name) throws MojoExecutionException {
    if (serverId == null || serverId.isBlank()) {
      return null; // Berth reads ~/.docker/config.json and its helpers
    }
    Server server = settings == null ? null : settings.getServer(serverId.trim());
    if (server == null) {
      throw new MojoExecutionException("serverId \"" + serverId + "\" names no <server> in"
          + " settings.xml: add <server><id>" + serverId.trim() + "</id><username>…</username>"
          + "<password>…</password></server>");
    }
    if (decrypter != null) {
      SettingsDecryptionResult r = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem p : r.getProblems()) {
        if (p.getSeverity() != SettingsProblem.Severity.WARNING) {
          throw new MojoExecutionException("Cannot decrypt the password of server \"" + serverId
              + "\": " + p.getMessage());
        }
      }
      server = r.getServer();
    }
    return RegistryCredentials.of(server.getUsername(), server.getPassword(),
        ImageRef.parse(name).registry());
  }
}
