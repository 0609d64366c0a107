package dev.fibered;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bridges between fibers and the threaded world: waiting for a {@link CompletionStage} without
 * blocking the scheduler's thread (gruvi's {@code switch_back}), and running blocking work on a
 * thread pool while the fiber waits (gruvi's thread pools).
 *
 * <p>In {@code @Fibered} code {@link #await} and {@link #blocking} are switch points: only the
 * calling fiber waits; the other fibers run. Called from plain code, they block the calling thread.
 */
public final class Async {
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** The default pool for {@link #blocking(Callable)}: cached daemon threads. */
  private static final ExecutorService BLOCKING =
      Executors.newCachedThreadPool(
          new ThreadFactory() {
            @Override
            public Thread newThread(Runnable r) {
              Thread t = new Thread(r, "fibered-blocking-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            }
          });

  private Async() {}

  /**
   * Waits for {@code stage} to complete and returns its value. A switch point in {@code @Fibered}
   * code: the fiber waits, the scheduler's thread runs the others, and the completion (on any
   * thread) hands the result back through {@link Scheduler#execute}.
   *
   * @param <T> the type of the value
   * @param stage the stage to wait for
   * @return its value
   * @throws RuntimeException the stage's unchecked exception, as it is
   * @throws Error the stage's error, as it is
   * @throws CompletionException wrapping the stage's checked exception
   * @throws java.util.concurrent.CancellationException if the stage was cancelled
   */
  @Fibered
  public static <T> T await(CompletionStage<T> stage) {
    return outcome(stage.toCompletableFuture());
  }

  /**
   * Runs {@code work} on a shared pool of daemon threads and waits for its result: for blocking
   * I/O or long computations that must not hold up the scheduler's thread. A switch point in
   * {@code @Fibered} code; from plain code it runs {@code work} on the calling thread.
   *
   * @param <T> the type of the result
   * @param work the work
   * @return its result
   * @throws RuntimeException what {@code work} throws, unchecked as it is
   * @throws CompletionException wrapping a checked exception from {@code work}
   */
  @Fibered
  public static <T> T blocking(Callable<T> work) {
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  /**
   * Starts {@code work} on the shared blocking pool; for {@link AsyncFibers}.
   *
   * @param <T> the type of the result
   * @param work the work
   * @return its future
   */
  static <T> CompletableFuture<T> startBlocking(Callable<T> work) {
    Objects.requireNonNull(work, "work");
    CompletableFuture<T> future = new CompletableFuture<>();
    BLOCKING.execute(
        () -> {
          try {
            future.complete(work.call());
          } catch (Throwable t) {
            future.completeExceptionally(t);
          }
        });
    return future;
  }

  /** A completed future's value, or its exception as {@link Fiber#result()} would throw it. */
  static <T> T outcome(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }
}
