package org.web3torrent.channel.internal.anvil;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DevelopmentChainTest {

    @ParameterizedTest(name = "{0} with chain id {1}: development {2}")
    @CsvSource({
        "http://127.0.0.1:8545, 31337, true",
        "http://localhost:39123/, 31337, true",
        "http://[::1]:8545, 31337, true",
        "http://127.0.0.1:8545, 1337, false",
        "http://127.0.0.1:8545, 1, false",
        "https://rpc.example.org, 31337, false",
        "http://192.168.1.20:8545, 31337, false",
        "not a url at all, 31337, false",
    })
    void onlyALocalNodeWithTheDevelopmentChainIdIsADevelopmentChain(String url, long chainId, boolean development) {
        assertThat(ChainBootstrap.isDevelopment(url, chainId)).isEqualTo(development);
    }
}
