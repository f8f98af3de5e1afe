package org.web3torrent.channel.internal.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.web3torrent.channel.api.ChannelInfo;
import org.web3torrent.channel.api.ChannelService;

/**
 * Gogo shell commands: {@code w3t:channels} lists channels with balances, {@code w3t:close ID} closes one
 * cooperatively, {@code w3t:challenge ID} forces a close through the chain. An ID may be abbreviated to a
 * unique prefix.
 */
@Component(service = ChannelShellCommands.class, property = {
    "osgi.command.scope=w3t",
    "osgi.command.function=channels",
    "osgi.command.function=close",
    "osgi.command.function=challenge"
})
public final class ChannelShellCommands {
    private final ChannelService channels;

    @Activate
    public ChannelShellCommands(@Reference ChannelService channels) {
        this.channels = channels;
    }

    /** One line per channel: id, role, status, balances (ETH), turn. */
    public String channels() {
        List<ChannelInfo> all = channels.channels();
        if (all.isEmpty()) {
            return "no channels";
        }
        StringBuilder out = new StringBuilder(String.format("%-66s %-5s %-11s %14s %14s %8s%n",
                "CHANNEL", "ROLE", "STATUS", "MINE (ETH)", "THEIRS (ETH)", "TURN"));
        for (ChannelInfo c : all) {
            out.append(String.format("%-66s %-5s %-11s %14s %14s %8d%n", c.channelId(), c.payer() ? "payer" : "payee",
                    c.status(), eth(c.myBalance()), eth(c.theirBalance()), c.turnNum()));
        }
        return out.toString().stripTrailing();
    }

    public String close(String id) throws Exception {
        ChannelInfo c = channels.close(resolve(id)).get(10, TimeUnit.MINUTES);
        return "closed " + c.channelId() + ": " + eth(c.myBalance()) + " ETH back to " + channels.address();
    }

    public String challenge(String id) throws Exception {
        String full = resolve(id);
        channels.challenge(full);
        return "challenge registered for " + full + "; the money is withdrawn after the timeout (see w3t:channels)";
    }

    String resolve(String prefix) {
        String p = prefix.toLowerCase(java.util.Locale.ROOT);
        List<String> matches = channels.channels().stream().map(ChannelInfo::channelId)
                .filter(id -> id.startsWith(p) || id.startsWith("0x" + p)).toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(matches.isEmpty() ? "no channel " + prefix
                    : "ambiguous channel prefix " + prefix + " (" + matches.size() + " channels)");
        }
        return matches.get(0);
    }

    static String eth(BigInteger wei) {
        return new BigDecimal(wei).movePointLeft(18).stripTrailingZeros().toPlainString();
    }
}
