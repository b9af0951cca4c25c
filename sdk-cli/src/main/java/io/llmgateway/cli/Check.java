package io.llmgateway.cli;

import io.llmgateway.cli.console.ExitCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One line of {@code llmgw doctor}: what was checked, pass or fail, and the fix. */
public record Check(String name, boolean ok, String detail, @Nullable String fix, int exitCode) {
  public static Check pass(String name, String detail) {
    return new Check(name, true, detail, null, ExitCodes.OK);
  }

  public static Check fail(String name, String detail, String fix, int exitCode) {
    return new Check(name, false, detail, fix, exitCode);
  }

  public String line() {
    return String.format("%s  %-22s %s", ok ? "PASS" : "FAIL", name, detail)
        + (fix == null ? "" : System.lineSeparator() + "      fix: " + fix);
  }

  public Map<String, @Nullable Object> json() {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("ok", ok);
    m.put("detail", detail);
    m.put("fix", fix);
    return m;
  }
}
