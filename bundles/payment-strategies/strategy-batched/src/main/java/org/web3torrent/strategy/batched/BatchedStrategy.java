package org.web3torrent.strategy.batched;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.web3torrent.payment.api.PaymentServices;
import org.web3torrent.payment.api.PaymentSnapshot;
import org.web3torrent.payment.api.PaymentStrategy;

/**
 * Pays for a batch of pieces in one signed state. The next batch is paid when half of the last one is
 * left, so the seeder never waits for money on a fast link; the batch is cut to what is left to fetch,
 * so the last batch never over-pays. Configured by PID {@value #PID} ({@code batchSize}, default 16).
 */
@Component(configurationPid = BatchedStrategy.PID, property = {
    PaymentServices.NAME + "=batched",
    PaymentServices.DESCRIPTION + "=Pays for N pieces in one signed payment: fewer signatures, a bigger window",
    "service.ranking:Integer=0"
})
public class BatchedStrategy implements PaymentStrategy {

    static final String PID = "org.web3torrent.strategy.batched";

    @ObjectClassDefinition(name = "Batched payment strategy")
    public @interface Config {
        @AttributeDefinition(description = "Pieces paid for in one payment")
        int batchSize() default 16;
    }

    private volatile int batchSize;

    @Activate
    public BatchedStrategy(Config config) {
        modified(config);
    }

    /** For unit tests and plain Java use. */
    public BatchedStrategy(int batchSize) {
        setBatchSize(batchSize);
    }

    @Modified
    void modified(Config config) {
        setBatchSize(config.batchSize());
    }

    private void setBatchSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + n);
        }
        this.batchSize = n;
    }

    @Override
    public int piecesToPayFor(PaymentSnapshot s) {
        int n = batchSize;
        int unpaidDemand = s.piecesRemaining() - s.piecesPaidAhead();
        if (unpaidDemand <= 0 || s.piecesPaidAhead() > n / 2) {
            return 0;
        }
        if (s.piecesWaiting() == 0 && s.piecesPaidAhead() > 0) {
            return 0;
        }
        return Math.min(n, unpaidDemand);
    }
}
