package dev.weft.bootstrap.context;

/** The thread-local current {@link Context} and the scopes that restore it. */
final class ContextStorage {

  private static final ThreadLocal<Context> current = new ThreadLocal<>();

  private ContextStorage() {}

  static Context current() {
    Context context = current.get();
    return context == null ? Context.root() : context;
  }

  static Scope attach(Context context) {
    Context previous = current.get();
    if (previous == context) {
      return Scope.NOOP;
    }
    current.set(context);
    return new RestoringScope(previous, context);
  }

  /** Restores the context that was current before its own was made current. */
  private static final class RestoringScope implements Scope {
    private final Context previous;
    private final Context attached;
    private boolean closed;

    RestoringScope(Context previous, Context attached) {
      this.previous = previous;
      this.attached = attached;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      // TODO(issue 3): out-of-order close handling and its one debug line.
      if (current.get() == attached) {
        current.set(previous);
      }
    }
  }
}
