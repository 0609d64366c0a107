package dev.fibered.benchmarks;

import dev.fibered.Fibered;

/**
 * Tight loops for the check-overhead case. Called directly they are the plain methods; through
 * {@code KernelsFibers} they run as state machines with a check at entry and on every back-edge.
 */
final class Kernels {
  private Kernels() {}

  @Fibered
  static long arraySum(int[] data) {
    long s = 0;
    for (int i = 0; i < data.length; i++) {
      s += data[i];
    }
    return s;
  }

  @Fibered
  static long fib(int n) {
    if (n < 2) {
      return n;
    }
    long a = fib(n - 1);
    long b = fib(n - 2);
    return a + b;
  }

  /**
   * One step of an n-body simulation (positions and velocities as x, y, z triples): every pair
   * pulls on each other, then every body moves. Returns the sum of the new positions.
   */
  @Fibered
  static double nbodyStep(double[] pos, double[] vel, double[] mass, double dt) {
    int n = mass.length;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double dx = pos[3 * i] - pos[3 * j];
        double dy = pos[3 * i + 1] - pos[3 * j + 1];
        double dz = pos[3 * i + 2] - pos[3 * j + 2];
        double d2 = dx * dx + dy * dy + dz * dz;
        double mag = dt / (d2 * Math.sqrt(d2));
        vel[3 * i] -= dx * mass[j] * mag;
        vel[3 * i + 1] -= dy * mass[j] * mag;
        vel[3 * i + 2] -= dz * mass[j] * mag;
        vel[3 * j] += dx * mass[i] * mag;
        vel[3 * j + 1] += dy * mass[i] * mag;
        vel[3 * j + 2] += dz * mass[i] * mag;
      }
    }
    double moved = 0;
    for (int k = 0; k < 3 * n; k++) {
      pos[k] += dt * vel[k];
      moved += pos[k];
    }
    return moved;
  }

  /** Bodies for {@link #nbodyStep}: {positions, velocities, masses}, the same for a seed. */
  static double[][] bodies(int n, long seed) {
    java.util.Random random = new java.util.Random(seed);
    double[] pos = new double[3 * n];
    double[] vel = new double[3 * n];
    double[] mass = new double[n];
    for (int i = 0; i < n; i++) {
      mass[i] = 0.5 + random.nextDouble();
      for (int d = 0; d < 3; d++) {
        pos[3 * i + d] = (i + 1) * 10.0 + random.nextDouble();
        vel[3 * i + d] = random.nextDouble() - 0.5;
      }
    }
    return new double[][] {pos, vel, mass};
  }
}
