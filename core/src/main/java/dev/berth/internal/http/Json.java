package dev.berth.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON in and out. Answers are read into plain maps and lists and frozen, so {@code raw()} can hand
 * them out without copying and no Jackson type leaves this package.
 */
public final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private Json() {}

  /** Reads one JSON value (object, array, text, number, boolean or null), frozen. */
  public static Object read(InputStream in) throws IOException {
    try {
      return freeze(MAPPER.readValue(in, Object.class));
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /** Reads one JSON value from bytes, frozen. */
  public static Object read(byte[] bytes) throws IOException {
    try {
      return freeze(MAPPER.readValue(bytes, Object.class));
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /**
   * What a parse failure means: the stream under it failing (its own {@link IOException}), or JSON
   * that is not valid, a {@link java.net.ProtocolException} quoting the parser's reason.
   */
  private static IOException malformed(JacksonException e) {
    if (e.getCause() instanceof IOException io) {
      return io;
    }
    java.net.ProtocolException p = new java.net.ProtocolException(
        "the engine sent JSON that cannot be read: " + e.getOriginalMessage());
    p.initCause(e);
    return p;
  }

  /**
   * Reads concatenated JSON values one by one as they arrive, as the engine streams stats,
   * events and progress messages; each frozen. {@code next()} returns null at the end.
   */
  public static Sequence sequence(InputStream in) throws IOException {
    return new Sequence(in);
  }

  /**
   * Values read one by one from a stream. The parser is made on the first {@link #next()}: making
   * it reads the first bytes, which on an event stream may not come for hours.
   */
  public static final class Sequence {
    private final InputStream in;
    private tools.jackson.databind.MappingIterator<Object> values;

    private Sequence(InputStream in) {
      this.in = in;
    }

    /** The next value, or null at the end. */
    public Object next() throws IOException {
      try {
        if (values == null) {
          values = MAPPER.readerFor(Object.class).readValues(in);
        }
        return values.hasNextValue() ? freeze(values.nextValue()) : null;
      } catch (JacksonException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw malformed(e);
      }
    }
  }

  /** Writes maps, lists, strings, numbers and booleans as JSON. */
  public static byte[] write(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }

  /**
   * Makes maps and lists, at every depth, unmodifiable. The maps and lists Jackson has just made
   * are wrapped where they are, their values frozen in place, instead of being copied.
   */
  @SuppressWarnings("unchecked")
  static Object freeze(Object value) {
    if (value instanceof Map<?, ?> map) {
      if (map.getClass() == LinkedHashMap.class) {
        ((Map<String, Object>) map).replaceAll((k, v) -> freeze(v));
        return Collections.unmodifiableMap(map);
      }
      Map<String, Object> copy = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
      ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, freeze(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      if (list.getClass() == ArrayList.class) {
        ((List<Object>) list).replaceAll(Json::freeze);
        return Collections.unmodifiableList(list);
      }
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        copy.add(freeze(item));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
