package dev.weft.smoketest.apps;

/** Sits between {@link Task} and the concrete class, so matching must be transitive. */
public abstract class AbstractTask implements Task {}
