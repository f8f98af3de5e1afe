package org.web3torrent.channel.internal.command;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelService;
import org.web3torrent.channel.api.ChannelStatus;
import org.web3torrent.channel.wallet.ChainInfo;
import org.web3torrent.channel.wallet.WalletException;
import org.web3torrent.channel.wallet.WalletService;
import org.web3torrent.launcher.api.Command;
import org.web3torrent.launcher.api.CommandContext;

/**
 * {@code web3torrent wallet}: the wallet's address, on-chain balance and chain; {@code wallet create},
 * {@code wallet import FILE} (a V3 keystore, or a file holding a hex private key), {@code wallet address},
 * {@code wallet balance}; with the channel engine running, the in-channel balances too. The passphrase
 * comes from {@code WEB3TORRENT_PASSPHRASE} (empty if unset).
 */
@Component(service = Command.class, property = {
    Command.NAME + "=wallet",
    Command.SUMMARY + "=Show the wallet (address, balance, chain); create or import one"
})
public final class WalletCommand implements Command {
    static final String HELP = String.join("\n",
            "usage: web3torrent wallet [address|balance|create|import FILE]",
            "  (none)        address, on-chain balance, chain (RPC URL, chain id, adjudicator)",
            "  address       the wallet's address",
            "  balance       the on-chain balance in wei",
            "  create        make a new wallet (fails if one exists)",
            "  import FILE   import a V3 keystore file, or a file holding a hex private key",
            "The passphrase is read from WEB3TORRENT_PASSPHRASE (empty if unset: development chain only).");

    private final WalletService wallet;

    /** The channel engine, when it runs: for the in-channel balances. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ChannelService channels;

    @Activate
    public WalletCommand(@Reference WalletService wallet) {
        this.wallet = wallet;
    }

    @Override
    public int run(CommandContext ctx) {
        List<String> args = ctx.args();
        if (args.contains("--help") || args.contains("-h")) {
            ctx.out().println(HELP);
            return OK;
        }
        String passphrase = System.getenv("WEB3TORRENT_PASSPHRASE");
        String pass = passphrase == null ? "" : passphrase;
        try {
            String sub = args.isEmpty() ? "" : args.get(0);
            switch (sub) {
                case "" -> {
                    if (args.size() != 0) {
                        return usage(ctx);
                    }
                    BigInteger balance = wallet.balance();
                    ChainInfo chain = wallet.chainInfo();
                    PrintStream out = ctx.out();
                    out.println("address:     " + wallet.address().orElse("(none)"));
                    out.println("balance:     " + eth(balance) + " ETH (" + balance + " wei)");
                    out.println("chain:       " + chain.rpcUrl() + (chain.embedded() ? " (embedded anvil)" : ""));
                    out.println("chain id:    " + chain.chainId());
                    out.println("adjudicator: " + chain.adjudicator());
                    printChannels(out);
                    return OK;
                }
                case "address" -> {
                    if (args.size() != 1) {
                        return usage(ctx);
                    }
                    if (wallet.address().isEmpty()) {
                        wallet.balance(); // on the embedded chain this creates (and funds) the wallet
                    }
                    ctx.out().println(wallet.address().orElseThrow(() -> new WalletException("there is no wallet")));
                    return OK;
                }
                case "balance" -> {
                    if (args.size() != 1) {
                        return usage(ctx);
                    }
                    ctx.out().println(wallet.balance());
                    return OK;
                }
                case "create" -> {
                    if (args.size() != 1) {
                        return usage(ctx);
                    }
                    warnIfNoPassphrase(ctx, passphrase);
                    ctx.out().println(wallet.create(pass));
                    return OK;
                }
                case "import" -> {
                    if (args.size() != 2) {
                        return usage(ctx);
                    }
                    warnIfNoPassphrase(ctx, passphrase);
                    Path file = ctx.resolve(args.get(1));
                    ctx.out().println(importFile(file, pass));
                    return OK;
                }
                default -> {
                    return usage(ctx);
                }
            }
        } catch (WalletException | org.web3torrent.channel.internal.chain.ChainException e) {
            ctx.err().println("wallet: " + e.getMessage());
            return FAILED;
        }
    }

    /** The money this wallet has in live channels, and each channel. */
    private void printChannels(PrintStream out) {
        ChannelService service = channels;
        if (service == null) {
            return;
        }
        List<ChannelInfo> live = service.channels().stream()
                .filter(c -> c.status() != ChannelStatus.CLOSED && c.status() != ChannelStatus.FAILED).toList();
        BigInteger inChannels = live.stream().map(ChannelInfo::myBalance).reduce(BigInteger.ZERO, BigInteger::add);
        out.println("in channels: " + eth(inChannels) + " ETH (" + inChannels + " wei) in " + live.size()
                + " channel" + (live.size() == 1 ? "" : "s"));
        for (ChannelInfo c : live) {
            out.println("  " + c.channelId() + " " + c.status() + " with " + c.counterparty() + ": mine "
                    + c.myBalance() + " wei, theirs " + c.theirBalance() + " wei");
        }
    }

    private String importFile(Path file, String passphrase) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new WalletException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (content.matches("(0x)?[0-9a-fA-F]{64}")) {
            return wallet.importPrivateKey(content, passphrase);
        }
        return wallet.importKeystore(file, passphrase);
    }

    private static void warnIfNoPassphrase(CommandContext ctx, String passphrase) {
        if (passphrase == null || passphrase.isEmpty()) {
            ctx.err().println("wallet: warning: WEB3TORRENT_PASSPHRASE is not set; the keystore is encrypted with"
                    + " an EMPTY passphrase");
        }
    }

    private static int usage(CommandContext ctx) {
        ctx.err().println(HELP);
        return Command.USAGE;
    }


    static String eth(BigInteger wei) {
        return new BigDecimal(wei).movePointLeft(18).stripTrailingZeros().toPlainString();
    }
}
