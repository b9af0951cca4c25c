package io.llmgateway.cli;

import io.llmgateway.cli.console.Env;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The flags every gateway command shares; each falls back to an environment variable. */
public final class GatewayOptions {
  public static final String HIVEOPS_KEY_ENV = "HIVEOPS_API_KEY";
  public static final String SAAS_KEY_ENV = "SAAS_LITELLM_VIRTUAL_KEY";
  public static final String HIVEOPS_DEFAULT_URL = "https://ai.hiveops.io";
  public static final String SAAS_DEFAULT_MODEL = "chat-fast";

  @Option(
      names = "--provider",
      description = "saas or hiveops (default: saas, or env LLMGW_PROVIDER)")
  @Nullable String provider;

  @Option(
      names = "--base-url",
      description =
          "gateway URL (env SAAS_LITELLM_BASE_URL or HIVEOPS_BASE_URL; HiveOps default "
              + HIVEOPS_DEFAULT_URL
              + ")")
  @Nullable String baseUrl;

  @Option(
      names = "--key",
      description = "API key (better: env " + SAAS_KEY_ENV + " or " + HIVEOPS_KEY_ENV + ")")
  @Nullable String key;

  @Option(names = "--team", description = "SaaS LiteLLM team id (env SAAS_LITELLM_TEAM_ID)")
  @Nullable String team;

  @Option(
      names = "--model",
      description = "model (default chat-fast on SaaS, llama3:8b-instruct-q8_0 on HiveOps)")
  @Nullable String model;

  @Option(names = "--json", description = "print one JSON object per result")
  boolean json;

  @Option(
      names = "--allow-insecure-http",
      description =
          "allow plain http:// to a host other than this machine, e.g. a self-hosted gateway on a"
              + " trusted network (the key then travels unencrypted)")
  boolean allowInsecureHttp;

  public boolean hiveOps(Env env) {
    String p = provider != null ? provider : env.variable("LLMGW_PROVIDER");
    if (p == null) {
      return false;
    }
    return switch (p.toLowerCase(Locale.ROOT)) {
      case "saas", "saas-litellm" -> false;
      case "hiveops", "hive" -> true;
      default -> throw new UsageException("--provider must be saas or hiveops, not " + p);
    };
  }

  public String providerId(Env env) {
    return hiveOps(env) ? "hiveops" : "saas-litellm";
  }

  public @Nullable String key(Env env) {
    if (key != null && !key.isBlank()) {
      return key;
    }
    return env.variable(hiveOps(env) ? HIVEOPS_KEY_ENV : SAAS_KEY_ENV);
  }

  public String requireKey(Env env) {
    String k = key(env);
    if (k == null) {
      throw new UsageException(
          "no API key: pass --key or set "
              + (hiveOps(env) ? HIVEOPS_KEY_ENV : SAAS_KEY_ENV)
              + " (try `llmgw demo` or `llmgw serve` for a fake gateway)");
    }
    return k;
  }

  public @Nullable String baseUrl(Env env) {
    if (baseUrl != null && !baseUrl.isBlank()) {
      return baseUrl;
    }
    if (hiveOps(env)) {
      String v = env.variable("HIVEOPS_BASE_URL");
      return v != null ? v : HIVEOPS_DEFAULT_URL;
    }
    return env.variable("SAAS_LITELLM_BASE_URL");
  }

  public String requireBaseUrl(Env env) {
    String url = baseUrl(env);
    if (url == null) {
      throw new UsageException("no base URL: pass --base-url or set SAAS_LITELLM_BASE_URL");
    }
    return url;
  }

  public String team(Env env) {
    String t = team != null ? team : env.variable("SAAS_LITELLM_TEAM_ID");
    if (t == null) {
      throw new UsageException("no team: pass --team or set SAAS_LITELLM_TEAM_ID");
    }
    return t;
  }

  public String model(Env env) {
    if (model != null && !model.isBlank()) {
      return model;
    }
    return hiveOps(env) ? "llama3:8b-instruct-q8_0" : SAAS_DEFAULT_MODEL;
  }

  public boolean json() {
    return json;
  }

  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }
}
