package dev.berth.model;

import java.util.List;

/**
 * The processes in a container, as {@code docker top} shows them: the {@code ps} column titles and
 * one row a process.
 *
 * <pre>{@code
 * ProcessList top = container.top("-o", "pid,comm");
 * top.column("COMMAND");   // ["sleep"]
 * }</pre>
 *
 * @param titles the column titles, such as {@code PID} and {@code CMD}
 * @param rows the processes, each with one value a title
 */
public record ProcessList(List<String> titles, List<List<String>> rows) {
  /** Makes the lists unmodifiable. */
  public ProcessList {
    titles = List.copyOf(titles);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /**
   * The values of the column titled {@code title}, one a process.
   *
   * @throws IllegalArgumentException if there is no such column; the message lists the titles
   */
  public List<String> column(String title) {
    int i = titles.indexOf(title);
    if (i < 0) {
      throw new IllegalArgumentException("no column \"" + title + "\"; the columns are " + titles);
    }
    return rows.stream().map(r -> r.get(i)).toList();
  }
}
