package dev.weft.instrumentation.executors;

import static dev.weft.core.instrumentation.MethodHooks.Value.returned;
import static dev.weft.core.instrumentation.MethodHooks.Value.self;

import dev.weft.core.instrumentation.MethodHooks;

/**
 * Hooks shared by several JDK classes. Every JDK class this module weaves gets method hooks into
 * {@code dev.weft.bootstrap.context.TaskHooks} (plain calls woven with ASM, see {@link
 * MethodHooks}): these classes are loaded before the agent and retransformed at start-up, where
 * ByteBuddy would be the largest cost of the whole agent.
 */
final class TaskAdvice {

  static final String HOOKS = "dev.weft.bootstrap.context.TaskHooks";

  private TaskAdvice() {}

  /** {@code this} is a task being run: its context is current until the method returns. */
  static MethodHooks runThis(String method) {
    return MethodHooks.method(method, "()").around(HOOKS, "attach", self(), "exit");
  }

  /** {@code cancel} returned true: the task will not run, forget its context. */
  static MethodHooks cancel() {
    return MethodHooks.method("cancel", "(Z)").atReturn(HOOKS, "cancelled", returned(), self());
  }
}
