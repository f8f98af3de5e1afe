package org.web3torrent.ui.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.web3torrent.channel.wallet.WalletException;

class ErrorsTest {

    @Test
    void portInUseSaysToChooseAnother() {
        var x = Errors.explain("Starting", new IOException("listen", new BindException("Address already in use")));
        assertThat(x.text()).startsWith("Starting failed.").contains("already used by another program")
                .contains("Choose another listening port in Settings");
    }

    @Test
    void unreachableChainSaysWhereToFixIt() {
        var x = Errors.explain("Reading the wallet", new CompletionException(new RuntimeException("rpc",
                new ConnectException("Connection refused"))));
        assertThat(x.why()).contains("chain endpoint cannot be reached");
        assertThat(x.todo()).contains("chain endpoint in Settings");
    }

    @Test
    void wrongPassphraseAndFullDisk() {
        assertThat(Errors.explain("Unlocking the wallet", new WalletException("wrong passphrase for the keystore"))
                .todo()).contains("Type the passphrase");
        assertThat(Errors.explain("Downloading", new IOException("No space left on device")).why())
                .startsWith("The disk is full");
    }
}
