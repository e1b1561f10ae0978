package dev.berth.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a {@link DockerTest} class holding a {@link ContainerFixture} or a {@link
 * NetworkFixture}. A {@code static} field is started before the class's first test and removed
 * after its last; an instance field is started before each test and removed after it (with
 * {@code @TestInstance(PER_CLASS)}, once around the class). Networks start before containers,
 * each kind in the order of declaration, and are removed in the reverse order.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Fixture {}
