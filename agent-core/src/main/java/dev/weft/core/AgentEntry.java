package dev.weft.core;

import dev.weft.bootstrap.AgentStarter;

/**
 * Agent-core's entry point: {@code AgentStarter} initialises this class through the agent class
 * loader and the static initialiser installs the agent. Initialisation instead of a reflective call
 * keeps JDK 18+'s method-handle-based reflection off the start-up path.
 */
final class AgentEntry {

  static {
    AgentStarter.Handoff handoff = AgentStarter.handoff();
    if (handoff != null) {
      AgentInstaller.install(handoff.agentArgs, handoff.inst, handoff.jar, handoff.attached);
    }
  }

  private AgentEntry() {}
}
