package org.web3torrent.ui.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0 B", "1023|1023 B", "1024|1.00 KiB", "1536|1.50 KiB", "10485760|10.0 MiB", "1073741824|1.00 GiB",
        "157286400|150 MiB", "-1|?"})
    void sizes(long bytes, String text) {
        assertThat(Format.size(bytes)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|''", "512|512 B/s", "2097152|2.00 MiB/s"})
    void speeds(long rate, String text) {
        assertThat(Format.speed(rate)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|1000|''", "1000|0|∞", "1000|1000|1s", "1001|1000|2s", "185|1|3m 05s", "7620|1|2h 07m",
        "273600|1|3d 4h", "99999999|1|∞"})
    void etas(long remaining, long rate, String text) {
        assertThat(Format.eta(remaining, rate)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0", "1|1 wei", "1234|1,234 wei", "999999999|999,999,999 wei", "1000000000|1 gwei",
        "12500000000|12.5 gwei", "1000000000000|0.000001 ETH", "125000000000000|0.000125 ETH",
        "100000000000000000000|100 ETH", "-2000000000000000000|-2 ETH", "1234567890123456789|1.234568 ETH"})
    void wei(String wei, String text) {
        assertThat(Format.wei(new BigInteger(wei))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.5|500000000000000000", "0.5 ETH|500000000000000000", "20 gwei|20000000000", "1000 wei|1000",
        "1,000 wei|1000", "1 eth|1000000000000000000"})
    void parsesAmounts(String typed, String wei) {
        assertThat(Format.parseWei(typed)).isEqualTo(new BigInteger(wei));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"lots|not an amount", "-1 ETH|cannot be negative", "''|Enter an amount"})
    void refusesBadAmountsSayingWhy(String typed, String message) {
        assertThatThrownBy(() -> Format.parseWei(typed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0.0|0.0 %", "0.4256|42.5 %", "0.99999|99.9 %", "1.0|100 %"})
    void percentNeverRoundsUpToComplete(double fraction, String text) {
        assertThat(Format.percent(fraction)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0|0.00", "10|0|∞", "50|100|0.50", "300|100|3.00"})
    void ratios(long up, long down, String text) {
        assertThat(Format.ratio(Format.ratio(up, down))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0x1234567890abcdef1234567890abcdef12345678|0x1234…5678", "0xabc|0xabc"})
    void shortensAddresses(String address, String text) {
        assertThat(Format.shortAddress(address)).isEqualTo(text);
    }
}
