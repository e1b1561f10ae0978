package dev.berth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.model.CommandLine.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private static final String GITLAB = "docker run \\\n"
      + "-d \\\n"
      + "-p 20180:80 \\\n"
      + "-p 20122:22 \\\n"
      + "--restart always \\\n"
      + "-v /data/gitlab/config:/etc/gitlab \\\n"
      + "-v /data/var/log/gitlab:/var/log/gitlab \\\n"
      + "-v /data/gitlab/data:/var/opt/gitlab \\\n"
      + "--name gitlab \\\n"
      + "gitlab/gitlab-ce:8.16.7-ce.0";

  private static final List<String> GITLAB_WORDS = List.of(
      "docker", "run", "-d", "-p", "20180:80", "-p", "20122:22", "--restart", "always",
      "-v", "/data/gitlab/config:/etc/gitlab", "-v", "/data/var/log/gitlab:/var/log/gitlab",
      "-v", "/data/gitlab/data:/var/opt/gitlab", "--name", "gitlab",
      "gitlab/gitlab-ce:8.16.7-ce.0");

  private static final String RMQ_NAMESRV = "docker run -d -p 9876:9876 -v "
      + "`pwd`/data/namesrv/logs:/root/logs -v `pwd`/data/namesrv/store:/root/store "
      + "--name rmqnamesrv  rocketmqinc/rocketmq:4.4.0 sh mqnamesrv";

  private static final String RMQ_BROKER = "docker run -d -p 10911:10911 -p 10909:10909 -v "
      + "`pwd`/data/broker/logs:/root/logs -v `pwd`/data/broker/store:/root/store "
      + "--name rmqbroker --link rmqnamesrv:namesrv -e \"NAMESRV_ADDR=namesrv:9876\" "
      + "rocketmqinc/rocketmq:4.4.0 sh mqbroker";

  // --- the seed's lines

  @Test
  void splitsGitlabLineWithBackslashNewlineContinuations() {
    assertThat(CommandLine.split(GITLAB)).isEqualTo(GITLAB_WORDS);
  }

  @Test
  void splitsGitlabLineWithCrlfContinuations() {
    assertThat(CommandLine.split(GITLAB.replace("\n", "\r\n"))).isEqualTo(GITLAB_WORDS);
  }

  @Test
  void splitsGitlabLineWhosePastedContinuationsHaveTrailingBlanks() {
    assertThat(CommandLine.split(GITLAB.replace("\\\n", "\\  \t\n"))).isEqualTo(GITLAB_WORDS);
  }

  @Test
  void splitsGitlabLineOnOneLine() {
    assertThat(CommandLine.split(GITLAB.replace("\\\n", ""))).isEqualTo(GITLAB_WORDS);
  }

  @Test
  void rejectsRocketmqNamesrvLineBecauseOfBackquotedPwd() {
    assertThatThrownBy(() -> CommandLine.split(RMQ_NAMESRV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(RMQ_NAMESRV)
        .hasMessageContaining("\"`pwd`\"")
        .hasMessageContaining("cannot run")
        .hasMessageContaining("literally");
  }

  @Test
  void rejectsRocketmqBrokerLineBecauseOfBackquotedPwd() {
    assertThatThrownBy(() -> CommandLine.split(RMQ_BROKER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(RMQ_BROKER)
        .hasMessageContaining("\"`pwd`\"");
  }

  @Test
  void splitsRocketmqBrokerLineOncePwdIsAVariable() {
    String line = RMQ_BROKER.replace("`pwd`", "$PWD");
    assertThat(CommandLine.split(line, Map.of("PWD", "/home/me/mq"))).containsExactly(
        "docker", "run", "-d", "-p", "10911:10911", "-p", "10909:10909",
        "-v", "/home/me/mq/data/broker/logs:/root/logs",
        "-v", "/home/me/mq/data/broker/store:/root/store",
        "--name", "rmqbroker", "--link", "rmqnamesrv:namesrv", "-e", "NAMESRV_ADDR=namesrv:9876",
        "rocketmqinc/rocketmq:4.4.0", "sh", "mqbroker");
  }

  @Test
  void splitsRocketmqNamesrvLineOncePwdIsWrittenOut() {
    String line = RMQ_NAMESRV.replace("`pwd`", "/srv");
    assertThat(CommandLine.split(line)).containsExactly(
        "docker", "run", "-d", "-p", "9876:9876", "-v", "/srv/data/namesrv/logs:/root/logs",
        "-v", "/srv/data/namesrv/store:/root/store", "--name", "rmqnamesrv",
        "rocketmqinc/rocketmq:4.4.0", "sh", "mqnamesrv");
  }

  // --- words and quotes

  @Test
  void separatesWordsAtRunsOfSpacesTabsAndNewlines() {
    assertThat(CommandLine.split("  a \t b\n\nc  ")).containsExactly("a", "b", "c");
  }

  @Test
  void returnsNoWordsForBlankLine() {
    assertThat(CommandLine.split("")).isEmpty();
    assertThat(CommandLine.split(" \t\r\n ")).isEmpty();
  }

  @Test
  void treatsCarriageReturnAsBlank() {
    assertThat(CommandLine.split("docker ps\r\n")).containsExactly("docker", "ps");
  }

  @Test
  void keepsEverythingInSingleQuotesLiterally() {
    assertThat(CommandLine.split("echo '$HOME `pwd` \\n \" | ; # ~ a\nb'"))
        .containsExactly("echo", "$HOME `pwd` \\n \" | ; # ~ a\nb");
  }

  @Test
  void keepsBlanksAndOperatorsInDoubleQuotes() {
    assertThat(CommandLine.split("-e \"A=b c | d ; e & f > g ' # ~\""))
        .containsExactly("-e", "A=b c | d ; e & f > g ' # ~");
  }

  @Test
  void readsOnlyShellEscapesInsideDoubleQuotes() {
    assertThat(CommandLine.split("\"a\\\"b \\\\ \\$X \\` \\n \\t \\'\""))
        .containsExactly("a\"b \\ $X ` \\n \\t \\'");
  }

  @Test
  void dropsBackslashNewlineInsideDoubleQuotes() {
    assertThat(CommandLine.split("\"ab\\\ncd\" \"ef\\\r\ngh\"")).containsExactly("abcd", "efgh");
  }

  @Test
  void keepsPlainNewlineInsideDoubleQuotes() {
    assertThat(CommandLine.split("\"a\nb\"")).containsExactly("a\nb");
  }

  @Test
  void joinsAdjacentQuotedAndUnquotedParts() {
    assertThat(CommandLine.split("--name=\"a b\"")).containsExactly("--name=a b");
    assertThat(CommandLine.split("a'b c'\"d e\"f")).containsExactly("ab cd ef");
  }

  @Test
  void makesEmptyWordFromEmptyQuotes() {
    assertThat(CommandLine.split("a '' \"\" b")).containsExactly("a", "", "", "b");
    assertThat(CommandLine.split("''")).containsExactly("");
  }

  @Test
  void keepsCharacterAfterBackslashOutsideQuotes() {
    assertThat(CommandLine.split("a\\ b \\$HOME \\`pwd\\` \\| \\; \\' \\\" \\\\ \\# \\~/x"))
        .containsExactly("a b", "$HOME", "`pwd`", "|", ";", "'", "\"", "\\", "#", "~/x");
  }

  @Test
  void joinsLinesAtBackslashNewlineWithinAWord() {
    assertThat(CommandLine.split("ab\\\ncd")).containsExactly("abcd");
  }

  @Test
  void ignoresBackslashAtEndOfInput() {
    assertThat(CommandLine.split("docker run -d \\")).containsExactly("docker", "run", "-d");
    assertThat(CommandLine.split("docker run -d \\  ")).containsExactly("docker", "run", "-d");
  }

  @Test
  void escapesLoneCarriageReturnAfterBackslash() {
    assertThat(CommandLine.split("a\\\rb")).containsExactly("a\rb");
  }

  @Test
  void keepsUnicodeAndGlobCharactersLiterally() {
    assertThat(CommandLine.split("-e 名字=容器 😀 *.txt a?b [x]"))
        .containsExactly("-e", "名字=容器", "😀", "*.txt", "a?b", "[x]");
  }

  @Test
  void keepsTildeInsideAWord() {
    assertThat(CommandLine.split("a~b --volume=~/x /x/~ \"~/q\" '~'"))
        .containsExactly("a~b", "--volume=~/x", "/x/~", "~/q", "~");
  }

  // --- comments

  @Test
  void skipsCommentFromHashAtStartOfWordToEndOfLine() {
    assertThat(CommandLine.split("docker run -d # detach | and ; `pwd`\n-p 80:80 nginx"))
        .containsExactly("docker", "run", "-d", "-p", "80:80", "nginx");
  }

  @Test
  void skipsWholeLineComment() {
    assertThat(CommandLine.split("# a comment $HOME\ndocker ps")).containsExactly("docker", "ps");
  }

  @Test
  void keepsHashInsideAWord() {
    assertThat(CommandLine.split("a#b c# '#d' \"#e\"")).containsExactly("a#b", "c#", "#d", "#e");
  }

  // --- variables

  @Test
  void expandsVariablesFromMap() {
    Map<String, String> vars = Map.of("HOME", "/home/me", "TAG", "1.2", "_x1", "y");
    assertThat(CommandLine.split("-v $HOME/data:/data img:${TAG} $_x1", vars))
        .containsExactly("-v", "/home/me/data:/data", "img:1.2", "y");
  }

  @Test
  void expandsVariablesInsideDoubleQuotesButNotSingleQuotes() {
    Map<String, String> vars = Map.of("A", "x y");
    assertThat(CommandLine.split("\"$A\" \"${A}!\" '$A'", vars))
        .containsExactly("x y", "x y!", "$A");
  }

  @Test
  void splitsUnquotedVariableValueAtBlanksAsShDoes() {
    Map<String, String> vars = Map.of("OPTS", " -d  -p 80:80 ", "EMPTY", "");
    assertThat(CommandLine.split("docker run $OPTS nginx", vars))
        .containsExactly("docker", "run", "-d", "-p", "80:80", "nginx");
    assertThat(CommandLine.split("a$OPTS", vars)).containsExactly("a", "-d", "-p", "80:80");
    assertThat(CommandLine.split("a $EMPTY b \"$EMPTY\"", vars)).containsExactly("a", "b", "");
  }

  @Test
  void endsNameAtFirstCharacterThatCannotBeInIt() {
    assertThat(CommandLine.split("$A-$A.$A/", Map.of("A", "v"))).containsExactly("v-v.v/");
  }

  @Test
  void keepsValueOfVariableLiterally() {
    assertThat(CommandLine.split("$A", Map.of("A", "'$B' `pwd` | ;")))
        .containsExactly("'$B'", "`pwd`", "|", ";");
  }

  @Test
  void keepsLoneDollarLiterally() {
    assertThat(CommandLine.split("$ a$ \"b$\" \"$ c\" d$/ $")).containsExactly(
        "$", "a$", "b$", "$ c", "d$/", "$");
  }

  @Test
  void rejectsVariableWhenNoVariablesAreGiven() {
    String line = "docker run -v $HOME/x:/y nginx";
    assertThatThrownBy(() -> CommandLine.split(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + line + "\"")
        .hasMessageContaining("$HOME")
        .hasMessageContaining("supply variables");
  }

  @Test
  void rejectsVariableMissingFromMap() {
    String line = "docker run -e \"X=${TOKEN}\" nginx";
    assertThatThrownBy(() -> CommandLine.split(line, Map.of("OTHER", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(line)
        .hasMessageContaining("${TOKEN}")
        .hasMessageContaining("no value for TOKEN");
  }

  @Test
  void rejectsPositionalAndSpecialParameters() {
    for (String param : List.of("$1", "$0", "${10}", "$@", "$*", "$#", "$?", "$$", "$!", "$-")) {
      String line = "echo " + param;
      assertThatThrownBy(() -> CommandLine.split(line, Map.of("1", "x")))
          .as(param)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(line)
          .hasMessageContaining("positional or special");
    }
  }

  @Test
  void rejectsParameterExpansionWithOperators() {
    for (String text : List.of("${A:-b}", "${#A}", "${A%x}", "${}", "${A B}")) {
      String line = "echo " + text;
      assertThatThrownBy(() -> CommandLine.split(line, Map.of("A", "x")))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"" + text + "\"");
    }
  }

  @Test
  void rejectsUnclosedBrace() {
    assertThatThrownBy(() -> CommandLine.split("echo ${HOME", Map.of("HOME", "/h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"${HOME\"")
        .hasMessageContaining("never closed");
  }

  @Test
  void rejectsBashDollarQuotingOutsideDoubleQuotes() {
    assertThatThrownBy(() -> CommandLine.split("echo $'a\\nb'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$'…'");
    assertThat(CommandLine.split("\"$'\"")).containsExactly("$'");
  }

  // --- command substitution and arithmetic

  @Test
  void rejectsBackquotedCommandSubstitution() {
    assertThatThrownBy(() -> CommandLine.split("-v `pwd`:/src"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"-v `pwd`:/src\"")
        .hasMessageContaining("command substitution \"`pwd`\"")
        .hasMessageContaining("pass its output literally");
  }

  @Test
  void rejectsBackquoteInsideDoubleQuotes() {
    assertThatThrownBy(() -> CommandLine.split("-v \"`pwd`\":/src", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"`pwd`\"");
  }

  @Test
  void rejectsUnclosedBackquote() {
    assertThatThrownBy(() -> CommandLine.split("-v `pwd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"`pwd\"");
  }

  @Test
  void rejectsDollarParenCommandSubstitution() {
    String line = "docker rm $(docker ps -a -q)";
    assertThatThrownBy(() -> CommandLine.split(line, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + line + "\"")
        .hasMessageContaining("command substitution \"$(docker ps -a -q)\"")
        .hasMessageContaining("cannot run");
  }

  @Test
  void rejectsDollarParenInsideDoubleQuotesQuotingNestedParentheses() {
    assertThatThrownBy(() -> CommandLine.split("-v \"$(dirname $(pwd))\":/src"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"$(dirname $(pwd))\"");
  }

  @Test
  void rejectsArithmeticExpansion() {
    assertThatThrownBy(() -> CommandLine.split("-p $((8000+80)):80"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arithmetic expansion \"$((8000+80))\"");
    assertThatThrownBy(() -> CommandLine.split("-p $[8000+80]:80"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arithmetic expansion \"$[8000+80]\"");
  }

  // --- operators

  @Test
  void rejectsUnquotedShellOperatorsNamingThem() {
    Map<String, String> cases = Map.ofEntries(
        Map.entry("docker ps | grep x", "|"),
        Map.entry("docker stop a; docker rm a", ";"),
        Map.entry("docker run -d nginx &", "&"),
        Map.entry("docker pull a && docker run a", "&&"),
        Map.entry("docker pull a || true", "||"),
        Map.entry("docker export c > f.tar", ">"),
        Map.entry("docker logs c >> log.txt", ">>"),
        Map.entry("docker load < f.tar", "<"),
        Map.entry("docker run img 2>&1", ">&"),
        Map.entry("(docker ps)", "("),
        Map.entry("echo a)", ")"),
        Map.entry("-e A=b&c nginx", "&"));
    cases.forEach((line, op) -> assertThatThrownBy(() -> CommandLine.split(line))
        .as(line)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + line + "\"")
        .hasMessageContaining("operator \"" + op + "\"")
        .hasMessageContaining("only one command"));
  }

  @Test
  void acceptsQuotedOrEscapedOperators() {
    assertThat(CommandLine.split("sh -c 'a | b && c > d' \"e;f\" g\\&h"))
        .containsExactly("sh", "-c", "a | b && c > d", "e;f", "g&h");
  }

  // --- tilde

  @Test
  void rejectsLeadingTildeAskingForAbsolutePath() {
    String line = "docker run -v ~/data:/data nginx";
    assertThatThrownBy(() -> CommandLine.split(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + line + "\"")
        .hasMessageContaining("\"~/data:/data\"")
        .hasMessageContaining("absolute path")
        .hasMessageContaining("named volume");
  }

  @Test
  void rejectsTildeAfterEqualsOrColonInAssignment() {
    for (String word : List.of("HOME=~/x", "PATH=/bin:~/bin", "~", "~user/x")) {
      assertThatThrownBy(() -> CommandLine.split("-e " + word))
          .as(word)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"" + word + "\"");
    }
  }

  // --- unterminated quotes

  @Test
  void rejectsUnclosedSingleQuote() {
    String line = "docker run -e 'A=b nginx";
    assertThatThrownBy(() -> CommandLine.split(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + line + "\"")
        .hasMessageContaining("single quote (')")
        .hasMessageContaining("never closed");
  }

  @Test
  void rejectsUnclosedDoubleQuote() {
    String line = "docker run -e \"A=b nginx";
    assertThatThrownBy(() -> CommandLine.split(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(line)
        .hasMessageContaining("double quote (\")")
        .hasMessageContaining("never closed: \"\"A=b nginx\"");
  }

  @Test
  void rejectsDoubleQuoteEndingInEscapedQuote() {
    assertThatThrownBy(() -> CommandLine.split("\"abc\\\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("double quote");
  }

  @Test
  void showsLineBreaksOfMultiLineInputAsEscapesInMessages() {
    assertThatThrownBy(() -> CommandLine.split("docker run \\\n-v `pwd`:/x \\\r\nnginx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"docker run \\\\n-v `pwd`:/x \\\\r\\nnginx\"")
        .hasMessageNotContaining("\n");
  }

  @Test
  void rejectsNullLine() {
    assertThatThrownBy(() -> CommandLine.split(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
  }

  // --- join

  @Test
  void joinsPlainWordsWithoutQuotes() {
    assertThat(CommandLine.join(GITLAB_WORDS)).isEqualTo(GITLAB.replace("\\\n", ""));
  }

  @Test
  void joinsWordsNeedingQuotesInSingleQuotes() {
    assertThat(CommandLine.join(List.of("echo", "it's", "", "a b", "$X", "~")))
        .isEqualTo("echo 'it'\"'\"'s' '' 'a b' '$X' '~'");
  }

  @Test
  void joinsNoWordsToEmptyLine() {
    assertThat(CommandLine.join(List.of())).isEmpty();
  }

  @Test
  void roundTripsTrickyWords() {
    List<String> words = List.of(
        "", " ", "  ", "\t", "\n", "\r", "\r\n", "'", "''", "\"", "\"\"", "'\"'", "\\", "\\\\",
        "\\\n", "a\\", "$", "$HOME", "${HOME}", "$(pwd)", "`pwd`", "$1", "#", "#x", "a#b", "~",
        "~/x", "HOME=~/x", "|", ";", "&", "&&", ">", "<", "(", ")", "a b", "-e", "--name=a b",
        "名字", "😀", "é", "*", "?", "[a]", "{a,b}", "!", "=", ":", "-", "--", "a'b\"c\\d$e`f",
        "line1\nline2", "x\u0000y", "\u00a0", "/data/gitlab/config:/etc/gitlab");
    assertThat(CommandLine.split(CommandLine.join(words))).isEqualTo(words);
    for (String word : words) {
      assertThat(CommandLine.split(CommandLine.join(List.of(word))))
          .as("%s", word)
          .containsExactly(word);
    }
  }

  @Test
  void roundTripsRandomWords() {
    String alphabet = " \t\n\r'\"\\$`#~|&;<>(){}[]*?!=:-_/.aZ9é名😀";
    int[] codePoints = alphabet.codePoints().toArray();
    Random random = new Random(20240531L);
    for (int round = 0; round < 2000; round++) {
      List<String> words = new ArrayList<>();
      int count = random.nextInt(5);
      for (int w = 0; w < count; w++) {
        StringBuilder word = new StringBuilder();
        int length = random.nextInt(8);
        for (int c = 0; c < length; c++) {
          word.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        words.add(word.toString());
      }
      String line = CommandLine.join(words);
      assertThat(CommandLine.split(line)).as("%s", line).isEqualTo(words);
    }
  }

  // --- invocation

  @Test
  void findsRunAndItsArguments() {
    Invocation run = CommandLine.invocation(CommandLine.split(GITLAB));
    assertThat(run.command()).isEqualTo("run");
    assertThat(run.arguments()).isEqualTo(GITLAB_WORDS.subList(2, GITLAB_WORDS.size()));
  }

  @Test
  void findsCreate() {
    Invocation create =
        CommandLine.invocation(CommandLine.split("docker create  --name myrunoob  nginx:latest"));
    assertThat(create).isEqualTo(
        new Invocation("create", List.of("--name", "myrunoob", "nginx:latest")));
  }

  @Test
  void findsContainerRunAndContainerCreate() {
    assertThat(CommandLine.invocation(List.of("docker", "container", "run", "nginx")))
        .isEqualTo(new Invocation("run", List.of("nginx")));
    assertThat(CommandLine.invocation(List.of("docker", "container", "create", "nginx")))
        .isEqualTo(new Invocation("create", List.of("nginx")));
  }

  @Test
  void acceptsDockerGivenAsPath() {
    assertThat(CommandLine.invocation(List.of("/usr/local/bin/docker", "run", "nginx")))
        .isEqualTo(new Invocation("run", List.of("nginx")));
  }

  @Test
  void acceptsSudoAndPastedPrompt() {
    Invocation run =
        CommandLine.invocation(CommandLine.split("$ sudo docker run -t -i ubuntu:14.04 /bin/bash"));
    assertThat(run).isEqualTo(
        new Invocation("run", List.of("-t", "-i", "ubuntu:14.04", "/bin/bash")));
    assertThat(CommandLine.invocation(List.of("sudo", "docker", "create", "x")).command())
        .isEqualTo("create");
  }

  @Test
  void returnsRunWithNoArguments() {
    assertThat(CommandLine.invocation(List.of("docker", "run")))
        .isEqualTo(new Invocation("run", List.of()));
  }

  @Test
  void takesWordsWithoutDockerAsArguments() {
    assertThat(CommandLine.invocation(List.of("-d", "-p", "80:80", "nginx")))
        .isEqualTo(new Invocation(null, List.of("-d", "-p", "80:80", "nginx")));
    assertThat(CommandLine.invocation(List.of("nginx", "run")))
        .isEqualTo(new Invocation(null, List.of("nginx", "run")));
  }

  @Test
  void rejectsOtherDockerSubcommandsNamingThem() {
    Map<List<String>, String> cases = Map.of(
        List.of("docker", "ps", "-a"), "\"docker ps\"",
        List.of("docker", "container", "ls"), "\"docker container ls\"",
        List.of("docker"), "\"docker\"",
        List.of("docker", "container"), "\"docker container\"",
        List.of("docker", "exec", "-it", "web", "sh"), "\"docker exec\"");
    cases.forEach((words, found) -> assertThatThrownBy(() -> CommandLine.invocation(words))
        .as("%s", words)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + CommandLine.join(words) + "\"")
        .hasMessageContaining(found)
        .hasMessageContaining("expected a docker run or docker create line"));
  }

  @Test
  void rejectsDockerGlobalOptions() {
    assertThatThrownBy(
        () -> CommandLine.invocation(List.of("docker", "-H", "tcp://h:2375", "run", "nginx")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("global option \"-H\"");
  }

  @Test
  void rejectsSudoOrPromptNotFollowedByDocker() {
    assertThatThrownBy(() -> CommandLine.invocation(List.of("sudo", "podman", "run", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"sudo\" is followed by \"podman\"");
    assertThatThrownBy(() -> CommandLine.invocation(List.of("$")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("followed by nothing");
  }

  @Test
  void rejectsEmptyWords() {
    assertThatThrownBy(() -> CommandLine.invocation(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void copiesArgumentsAndChecksCommand() {
    List<String> args = new ArrayList<>(List.of("nginx"));
    Invocation run = new Invocation("run", args);
    args.add("x");
    assertThat(run.arguments()).containsExactly("nginx");
    assertThatThrownBy(() -> run.arguments().add("y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new Invocation("ps", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"ps\"");
  }
}
