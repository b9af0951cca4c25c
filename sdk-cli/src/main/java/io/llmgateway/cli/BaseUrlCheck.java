package io.llmgateway.cli;

import io.llmgateway.cli.console.ExitCodes;
import io.llmgateway.cli.console.Keys;
import io.llmgateway.internal.Cleartext;
import java.util.Locale;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** The checklist's first line: is the base URL set, well-formed, and pointed at the gateway? */
final class BaseUrlCheck {
  private BaseUrlCheck() {}

  static Check check(@Nullable String url, boolean hiveOps, boolean allowInsecureHttp) {
    String name = "base URL";
    if (url == null) {
      return Check.fail(
          name, "not set", "pass --base-url or set SAAS_LITELLM_BASE_URL", ExitCodes.USAGE);
    }
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      return Check.fail(
          name,
          url + " is not an http(s) URL",
          "use e.g. " + GatewayOptions.HIVEOPS_DEFAULT_URL,
          ExitCodes.USAGE);
    }
    String host = parsed.host().toLowerCase(Locale.ROOT);
    if (host.endsWith("openai.com")) {
      return Check.fail(
          name,
          url + " goes to OpenAI, not the gateway",
          "set base_url to " + GatewayOptions.HIVEOPS_DEFAULT_URL,
          ExitCodes.USAGE);
    }
    // The clients' own rule (build() refuses the same URLs), so doctor and the calls agree.
    boolean cleartext = !parsed.isHttps() && !Cleartext.isLoopback(host);
    if (cleartext && !allowInsecureHttp) {
      return Check.fail(
          name,
          url + " is plain http: the key would travel in clear",
          "use https://, or --allow-insecure-http for a self-hosted gateway on a trusted network",
          ExitCodes.USAGE);
    }
    if (parsed.encodedPath().contains("/chat/completions")) {
      return Check.fail(
          name,
          url + " includes the endpoint path",
          "give the base only, e.g. " + parsed.scheme() + "://" + parsed.host(),
          ExitCodes.USAGE);
    }
    String note =
        hiveOps && !url.startsWith(GatewayOptions.HIVEOPS_DEFAULT_URL)
            ? " (not " + GatewayOptions.HIVEOPS_DEFAULT_URL + "; fine for a proxy or the fake)"
            : "";
    if (cleartext) {
      note += " (plain http allowed by --allow-insecure-http: the key travels unencrypted)";
    }
    return Check.pass(name, url + note);
  }

  static Check key(@Nullable String key, String envName) {
    String name = "API key format";
    if (key == null) {
      return Check.fail(name, "missing", "pass --key or set " + envName, ExitCodes.USAGE);
    }
    if (key.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
      return Check.fail(
          name,
          Keys.mask(key) + " contains spaces or non-ASCII characters",
          "copy the key again without spaces or quotes",
          ExitCodes.USAGE);
    }
    if (!key.startsWith("sk-")) {
      return Check.fail(
          name,
          Keys.mask(key) + " does not start with sk-",
          "use a key from Dashboard -> API Keys",
          ExitCodes.AUTH);
    }
    return Check.pass(name, Keys.mask(key) + " starts with sk-");
  }
}
