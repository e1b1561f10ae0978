package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkTest {

  @Test
  void defaultsAliasToName() {
    Link link = Link.parse("db");

    assertThat(link.name()).isEqualTo("db");
    assertThat(link.alias()).isEqualTo("db");
    assertThat(link).hasToString("db:db");
  }

  @Test
  void parsesNameAndAlias() {
    Link link = Link.parse("postgres-1:database");

    assertThat(link.name()).isEqualTo("postgres-1");
    assertThat(link.alias()).isEqualTo("database");
    assertThat(link).isEqualTo(Link.of("postgres-1", "database"));
  }

  @Test
  void stripsLeadingSlashFromName() {
    assertThat(Link.parse("/db").name()).isEqualTo("db");
    assertThat(Link.parse("/db:data").alias()).isEqualTo("data");
  }

  @Test
  void readsEngineStoredFormWithAliasPath() {
    Link link = Link.parse("/db:/web/database");

    assertThat(link.name()).isEqualTo("db");
    assertThat(link.alias()).isEqualTo("database");
  }

  @Test
  void toStringParsesBackToEqualValue() {
    Link link = Link.parse("db");

    assertThat(Link.parse(link.toString())).isEqualTo(link).hasSameHashCodeAs(link);
  }

  @Test
  void rejectsBadFactoryArgumentsQuotingThem() {
    assertThatIllegalArgumentException().isThrownBy(() -> Link.of("a:b", "c"))
        .withMessageContaining("\"a:b\"");
    assertThatIllegalArgumentException().isThrownBy(() -> Link.of("db", ""))
        .withMessageContaining("\"\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty",
        "' db'|white space",
        "d b|white space",
        "a:b:c|more than one colon",
        ":alias|name \"\"",
        "db:|alias \"\"",
        "-db|name \"-db\"",
        "db:a/b|alias \"a/b\"",
        "/|name \"\"",
      })
  void rejectsMalformedLinkQuotingIt(String text, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Link.parse(text))
        .withMessageContaining("link \"" + text + "\" is not valid")
        .withMessageContaining(reason);
  }
}
