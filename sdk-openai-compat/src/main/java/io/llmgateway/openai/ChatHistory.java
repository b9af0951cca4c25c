package io.llmgateway.openai;

import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionSystemMessageParam;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide's sliding window: a long history is slow and costly, so send the system prompt plus the
 * last N messages only.
 */
public final class ChatHistory {
  private ChatHistory() {}

  /**
   * The system prompt followed by the last {@code lastN} messages of {@code history} (all of them
   * when there are fewer). The input list is not changed.
   */
  public static List<ChatCompletionMessageParam> slidingWindow(
      String systemPrompt, List<ChatCompletionMessageParam> history, int lastN) {
    if (lastN < 0) {
      throw new IllegalArgumentException("lastN must not be negative");
    }
    List<ChatCompletionMessageParam> out = new ArrayList<>(lastN + 1);
    out.add(
        ChatCompletionMessageParam.ofSystem(
            ChatCompletionSystemMessageParam.builder().content(systemPrompt).build()));
    out.addAll(history.subList(Math.max(0, history.size() - lastN), history.size()));
    return List.copyOf(out);
  }
}
