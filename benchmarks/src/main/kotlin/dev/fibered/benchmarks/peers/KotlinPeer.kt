package dev.fibered.benchmarks.peers

import java.util.concurrent.Executors
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.async
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.joinAll
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

/**
 * The harness workloads as Kotlin coroutines. One carrier is runBlocking's event loop on the
 * calling thread (the counterpart of Fibered's single-threaded scheduler); more carriers are a
 * fixed pool. The Java side reaches this through KotlinAdapter; nothing here uses Java sources,
 * so Maven compiles it first.
 */
object KotlinPeer {
  private fun <T> onCarriers(carriers: Int, block: suspend CoroutineScope.() -> T): T =
    if (carriers == 1) {
      runBlocking(block = block)
    } else {
      Executors.newFixedThreadPool(carriers).asCoroutineDispatcher().use { runBlocking(it, block) }
    }

  @JvmStatic
  fun skynet(leaves: Int, carriers: Int): Long = onCarriers(carriers) { skynetNode(0, leaves) }

  private suspend fun skynetNode(num: Long, size: Int): Long {
    if (size == 1) return num
    return coroutineScope {
      val sub = size / 10
      val kids = List(10) { i -> async { skynetNode(num + i.toLong() * sub, sub) } }
      var sum = 0L
      for (kid in kids) sum += kid.await()
      sum
    }
  }

  private class Token {
    var turn = 0
    var hops = 0L
  }

  @JvmStatic
  fun yieldHops(hops: Long): Long = runBlocking {
    val token = Token()
    val a = launch { yielder(token, 0, hops) }
    val b = launch { yielder(token, 1, hops) }
    joinAll(a, b)
    token.hops
  }

  private suspend fun yielder(token: Token, me: Int, hops: Long) {
    while (token.hops < hops) {
      if (token.turn == me) {
        token.turn = 1 - me
        token.hops++
      }
      yield()
    }
  }

  @JvmStatic
  fun channelHops(hops: Long): Long = runBlocking {
    val there = Channel<Long>()
    val back = Channel<Long>()
    val pinger = async {
      var value = 0L
      while (value < hops) {
        there.send(value + 1)
        value = back.receive()
      }
      value
    }
    launch {
      while (true) {
        val value = there.receive()
        back.send(value + 1)
        if (value + 1 >= hops) break
      }
    }
    pinger.await()
  }

  @JvmStatic
  fun spawnJoin(n: Int): Long = runBlocking {
    val kids = List(n) { async { 1 } }
    var sum = 0L
    for (kid in kids) sum += kid.await()
    sum
  }

  @JvmStatic
  fun footprint(n: Int): LongArray = runBlocking {
    val held = arrayOfNulls<Job>(n)
    val go = CompletableDeferred<Unit>()
    var done = 0L
    val base = Heap.settledUsed()
    for (i in 0 until n) {
      held[i] = launch {
        go.await()
        done++
      }
    }
    yield() // every launched coroutine runs to its await first
    val used = Heap.settledUsed() - base
    go.complete(Unit)
    for (job in held) job!!.join()
    longArrayOf(used, done)
  }

  @JvmStatic
  fun ring(nodes: Int, hops: Long, depth: Int, carriers: Int): Int = onCarriers(carriers) {
    val channels = List(nodes) { Channel<Long>() }
    val members = List(nodes) { i ->
      async { ringNode(channels[i], channels[(i + 1) % nodes], nodes, depth) }
    }
    channels[0].send(hops)
    var winner = -1
    for ((i, member) in members.withIndex()) if (member.await() == 1) winner = i
    winner
  }

  private suspend fun ringNode(input: Channel<Long>, output: Channel<Long>, nodes: Int, depth: Int): Int {
    if (depth > 1) {
      val deeper = ringNode(input, output, nodes, depth - 1)
      // Not a tail call, so each level keeps its own continuation frame, as in the other peers.
      check(deeper >= 0)
      return deeper
    }
    while (true) {
      val value = input.receive()
      if (value > -(nodes - 1)) output.send(value - 1)
      if (value <= 0) return if (value == 0L) 1 else 0
    }
  }

  @JvmStatic
  fun fairness(carriers: Int, spinners: Int, durationMs: Long, lateness: LongLog): LongArray =
    onCarriers(carriers) {
      val deadline = System.nanoTime() + durationMs * 1_000_000L
      val probe = launch {
        while (true) {
          val begin = System.nanoTime()
          delay(1)
          lateness.add(System.nanoTime() - begin - 1_000_000L)
          if (System.nanoTime() >= deadline) break
        }
      }
      val spinning = List(spinners) {
        async {
          var n = 0L
          do n++ while (System.nanoTime() < deadline) // at least one turn, as the other peers
          n
        }
      }
      val counts = LongArray(spinners)
      for ((i, spinner) in spinning.withIndex()) counts[i] = spinner.await()
      probe.join()
      counts
    }
}
