package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class whose {@link Fixture} fields Berth starts and removes: {@code static} ones
 * once around the class, instance ones around each test.
 *
 * <pre>{@code
 * @DockerTest
 * class WebTest {
 *   @Fixture
 *   static ContainerFixture web = ContainerFixture.run("docker run -d -p 80 my/web:1")
 *       .waitingFor(Wait.forHttp("/health"));
 *
 *   @Test
 *   void answers() {
 *     URI uri = URI.create("http://" + web.host() + ":" + web.hostPort(80) + "/");
 *     ...
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DockerTestExtension.class)
public @interface DockerTest {}
