package io.llmgateway.testing.saas;

import static io.llmgateway.testing.saas.Validation.Field.opt;
import static io.llmgateway.testing.saas.Validation.Field.req;

import io.llmgateway.testing.saas.Validation.Field;
import io.llmgateway.testing.saas.Validation.Kind;
import java.util.ArrayList;
import java.util.List;

/** The server's request models (spec section 3), field by field, in declaration order. */
final class Schemas {
  private Schemas() {}

  static final List<Field> JOB_CREATE =
      List.of(
          req("team_id", Kind.STR),
          req("job_type", Kind.STR),
          opt("user_id", Kind.STR),
          opt("metadata", Kind.OBJ));

  static final List<Field> METADATA_PATCH = List.of(req("metadata", Kind.OBJ));

  private static final List<Field> CALL_OPTIONS =
      List.of(
          opt("purpose", Kind.STR),
          opt("temperature", Kind.NUM),
          opt("max_tokens", Kind.INT),
          opt("response_format", Kind.OBJ),
          opt("tools", Kind.OBJ_LIST),
          opt("tool_choice", Kind.ANY),
          opt("top_p", Kind.NUM),
          opt("frequency_penalty", Kind.NUM),
          opt("presence_penalty", Kind.NUM),
          opt("stop", Kind.STR_LIST));

  static final List<Field> LLM_CALL = llmCall();

  static final List<Field> COMPLETE =
      List.of(
          req("status", Kind.STATUS_LITERAL),
          opt("metadata", Kind.OBJ),
          opt("error_message", Kind.STR));

  static final List<Field> SINGLE_CALL = singleCall();

  private static List<Field> llmCall() {
    List<Field> fields = new ArrayList<>();
    fields.add(req("model", Kind.STR));
    fields.add(req("messages", Kind.OBJ_LIST));
    fields.addAll(CALL_OPTIONS);
    fields.add(opt("call_metadata", Kind.OBJ));
    return List.copyOf(fields);
  }

  private static List<Field> singleCall() {
    List<Field> fields = new ArrayList<>();
    fields.add(req("team_id", Kind.STR));
    fields.add(req("job_type", Kind.STR));
    fields.add(opt("user_id", Kind.STR));
    fields.add(opt("job_metadata", Kind.OBJ));
    fields.add(req("model", Kind.STR));
    fields.add(req("messages", Kind.OBJ_LIST));
    fields.addAll(CALL_OPTIONS);
    return List.copyOf(fields);
  }
}
