package org.web3torrent.channel.internal.chain;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

import okhttp3.OkHttpClient;

/**
 * A JSON-RPC connection with timeouts, and the one place that turns transport failures and RPC errors
 * into {@link ChainException}s that name the endpoint.
 */
public final class Rpc implements AutoCloseable {
    private static final String ABORTED = "the connection to the chain was closed (stopping)";
    private final String url;
    private final Web3j web3j;
    private final HttpService service;
    private final ScheduledExecutorService executor;
    private final OkHttpClient client;
    private final AtomicBoolean aborted;

    private Rpc(String url, OkHttpClient client, AtomicBoolean aborted, HttpService service, Web3j web3j,
                ScheduledExecutorService executor) {
        this.url = url;
        this.client = client;
        this.aborted = aborted;
        this.service = service;
        this.web3j = web3j;
        this.executor = executor;
    }

    /** Opens (lazily: nothing is sent yet) a connection to {@code url}; every request times out. */
    public static Rpc open(String url, Duration timeout) {
        AtomicBoolean aborted = new AtomicBoolean();
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    if (aborted.get()) {
                        throw new IOException(ABORTED);
                    }
                    return chain.proceed(chain.request());
                })
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout)
                .build();
        HttpService service = new HttpService(url, client, false);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "web3j " + url);
            t.setDaemon(true);
            return t;
        });
        return new Rpc(url, client, aborted, service, Web3j.build(service, 50, executor), executor);
    }

    /**
     * Fails every request in flight, and every later one, at once. What stops (a bundle, the application) must
     * not wait out a node that accepts connections and never answers: that is up to the whole timeout per
     * request, while holding whatever lock the caller holds.
     */
    public void abort() {
        aborted.set(true);
        client.dispatcher().cancelAll();
    }

    public String url() {
        return url;
    }

    public Web3j web3j() {
        return web3j;
    }

    public HttpService service() {
        return service;
    }

    /** Sends a request; an RPC error or an unreachable endpoint becomes a {@link ChainException}. */
    public <T extends Response<?>> T send(Request<?, T> request, String what) {
        T response;
        try {
            response = request.send();
        } catch (IOException e) {
            throw transportFailure(e, what);
        } catch (RuntimeException e) {
            throw new ChainException("chain request to " + url + " failed (" + what + "): " + e, e);
        }
        if (response.hasError()) {
            throw new ChainException(what + " failed: " + response.getError().getMessage());
        }
        return response;
    }

    private ChainException transportFailure(IOException e, String what) {
        if (aborted.get()) {
            return new ChainException(ABORTED + " (" + what + ")", e);
        }
        if (e instanceof ConnectException) {
            return new ChainException("cannot reach the chain at " + url + " (" + what + "): " + e.getMessage()
                    + "; is the node running, or is rpcUrl in the chain configuration right?", e);
        }
        if (e instanceof InterruptedIOException) {
            if (Thread.currentThread().isInterrupted()) {
                return new ChainException("request to the chain at " + url + " interrupted (" + what + ")", e);
            }
            return new ChainException("the chain at " + url + " did not answer in time (" + what + ")", e);
        }
        return new ChainException("chain request to " + url + " failed (" + what + "): " + e.getMessage(), e);
    }

    @Override
    public void close() {
        abort();
        web3j.shutdown();
        executor.shutdownNow();
        // No OkHttp thread or socket may outlive the bundle that loaded it.
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
