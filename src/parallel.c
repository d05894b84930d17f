/* The thread pool behind wt_parallel_for and wt_set_num_threads.
 *
 * One job at a time, started by the caller's thread (the JS main thread in wasm): it
 * publishes the job, opens it and bumps a generation counter, works on the job's tasks
 * itself, waits until every task is done, then closes the job and waits for the pool
 * threads still inside it to leave. Pool threads join an open job with a compare-and-swap
 * on the job's state word, so a thread that wakes after the job closed stays out of it: the
 * caller never waits for a sleeping thread to wake (small ops would pay that latency every
 * time). Tasks are claimed one by one from an atomic counter, so a thread the OS (or the
 * browser) descheduled slows the job down by one task at most. Pool threads spin briefly on
 * the generation before sleeping on a condition variable: back-to-back ops (the steps of an
 * LSTM, the layers of a model) then start without a wake-up. The caller's thread only spins
 * while it waits: a browser's main thread is not allowed to block. */
#include "internal.h"

#if WT_THREADS
#include <pthread.h>
#include <stdatomic.h>

/* Generation polls before a pool thread sleeps (tens of microseconds). */
#define WT_SPIN_POLLS (1 << 15)
/* The state word: this bit when the job is closed, plus the pool threads inside it. */
#define WT_CLOSED 0x40000000

static struct {
  pthread_mutex_t mu;
  pthread_cond_t wake;
  int started;          /* pool threads created (they run until the process ends) */
  int threads;          /* wt_get_num_threads() */
  atomic_uint gen;      /* bumped once per job */
  atomic_int state;     /* WT_CLOSED | threads inside the job */
  atomic_size_t next;   /* next task to claim */
  atomic_size_t done;   /* tasks finished */
  /* The current job: written by the caller only while the job is closed and empty. */
  wt_task_fn fn;
  void *ctx;
  size_t n_tasks;
  int width;
} wt_pool = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 1, 0, WT_CLOSED, 0, 0, NULL, NULL, 0, 1};

/* Set while a thread runs tasks, so that a nested wt_parallel_for runs serially. */
static _Thread_local int wt_in_task;

static void wt_run_tasks(int thread) {
  wt_in_task = 1;
  for (size_t t; (t = atomic_fetch_add_explicit(&wt_pool.next, 1, memory_order_relaxed)) < wt_pool.n_tasks;) {
    wt_pool.fn(wt_pool.ctx, t, thread);
    atomic_fetch_add_explicit(&wt_pool.done, 1, memory_order_release);
  }
  wt_in_task = 0;
}

static void *wt_pool_thread(void *arg) {
  const int index = (int)(intptr_t)arg; /* 1 .. WT_MAX_THREADS - 1; 0 is the caller */
  unsigned seen = 0;
  for (;;) {
    unsigned g;
    int polls = 0;
    while ((g = atomic_load_explicit(&wt_pool.gen, memory_order_acquire)) == seen && ++polls < WT_SPIN_POLLS) {
    }
    if (g == seen) {
      pthread_mutex_lock(&wt_pool.mu);
      while ((g = atomic_load_explicit(&wt_pool.gen, memory_order_acquire)) == seen)
        pthread_cond_wait(&wt_pool.wake, &wt_pool.mu);
      pthread_mutex_unlock(&wt_pool.mu);
    }
    seen = g;
    int s = atomic_load_explicit(&wt_pool.state, memory_order_acquire);
    while (!(s & WT_CLOSED) &&
           !atomic_compare_exchange_weak_explicit(&wt_pool.state, &s, s + 1, memory_order_acquire,
                                                  memory_order_acquire)) {
    }
    if (s & WT_CLOSED) continue; /* woke too late: the job is over */
    /* inside: the job cannot change, and it may be a newer one than the wake-up was for */
    seen = atomic_load_explicit(&wt_pool.gen, memory_order_relaxed);
    if (index < wt_pool.width) wt_run_tasks(index);
    atomic_fetch_sub_explicit(&wt_pool.state, 1, memory_order_release);
  }
  return NULL;
}

wt_status wt_set_num_threads(int32_t n) {
  if (n < 1) return wt_error(WT_EINVAL, "wt_set_num_threads: n must be >= 1, got %d", n);
  if (n > WT_MAX_THREADS) n = WT_MAX_THREADS;
  while (wt_pool.started < n - 1) {
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    const int rc = pthread_create(&t, &attr, wt_pool_thread, (void *)(intptr_t)(wt_pool.started + 1));
    pthread_attr_destroy(&attr);
    if (rc != 0) {
      wt_pool.threads = wt_pool.started + 1;
      return wt_error(WT_ENOMEM, "wt_set_num_threads: cannot start thread %d of %d (error %d)", wt_pool.started + 2, n,
                      rc);
    }
    wt_pool.started++;
  }
  wt_pool.threads = n;
  return WT_OK;
}

int32_t wt_get_num_threads(void) { return wt_pool.threads; }

int wt_parallel_width(double work) {
  return wt_in_task || work < WT_PARALLEL_MIN_WORK ? 1 : wt_pool.threads;
}

void wt_parallel_for(size_t n_tasks, int width, wt_task_fn fn, void *ctx) {
  if (width > wt_pool.threads) width = wt_pool.threads;
  if (width <= 1 || wt_in_task || n_tasks < 2) {
    const int outer = wt_in_task;
    wt_in_task = 1;
    for (size_t t = 0; t < n_tasks; t++) fn(ctx, t, 0);
    wt_in_task = outer;
    return;
  }
  wt_pool.fn = fn;
  wt_pool.ctx = ctx;
  wt_pool.n_tasks = n_tasks;
  wt_pool.width = width;
  atomic_store_explicit(&wt_pool.next, 0, memory_order_relaxed);
  atomic_store_explicit(&wt_pool.done, 0, memory_order_relaxed);
  atomic_store_explicit(&wt_pool.state, 0, memory_order_release); /* open, nobody inside */
  pthread_mutex_lock(&wt_pool.mu);
  atomic_fetch_add_explicit(&wt_pool.gen, 1, memory_order_release);
  pthread_cond_broadcast(&wt_pool.wake);
  pthread_mutex_unlock(&wt_pool.mu);
  wt_run_tasks(0);
  while (atomic_load_explicit(&wt_pool.done, memory_order_acquire) < n_tasks) {
  }
  /* close, then let the threads still inside (they find no task left) leave */
  atomic_fetch_or_explicit(&wt_pool.state, WT_CLOSED, memory_order_acq_rel);
  while ((atomic_load_explicit(&wt_pool.state, memory_order_acquire) & ~WT_CLOSED) != 0) {
  }
}

int32_t wt_threads_enabled(void) { return 1; }

#else /* !WT_THREADS: one thread, every loop runs where it is called */

wt_status wt_set_num_threads(int32_t n) {
  if (n < 1) return wt_error(WT_EINVAL, "wt_set_num_threads: n must be >= 1, got %d", n);
  return WT_OK;
}

int32_t wt_get_num_threads(void) { return 1; }

int wt_parallel_width(double work) {
  (void)work;
  return 1;
}

void wt_parallel_for(size_t n_tasks, int width, wt_task_fn fn, void *ctx) {
  (void)width;
  for (size_t t = 0; t < n_tasks; t++) fn(ctx, t, 0);
}

int32_t wt_threads_enabled(void) { return 0; }

#endif
