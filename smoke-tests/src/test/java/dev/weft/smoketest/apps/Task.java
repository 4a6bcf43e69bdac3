package dev.weft.smoketest.apps;

/** The super-type the test-only marker module matches. */
public interface Task extends Runnable {}
