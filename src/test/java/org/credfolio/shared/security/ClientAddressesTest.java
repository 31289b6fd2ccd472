package org.credfolio.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {
    private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", "2001:db8:ffff::/48"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddresses none = new ClientAddresses(List.of());
        assertThat(none.of(request("10.1.2.3", "198.51.100.7"))).isEqualTo("10.1.2.3");
    }

    @Test
    void anUntrustedSenderCannotChooseItsAddress() {
        assertThat(behindProxies.of(request("203.0.113.9", "198.51.100.7"))).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(behindProxies.of(request("10.1.2.3", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void whatTheClientWroteLeftOfItsOwnAddressIsIgnored() {
        // The client sent "X-Forwarded-For: 192.0.2.1"; the proxy appended the address it saw.
        assertThat(behindProxies.of(request("10.1.2.3", "192.0.2.1, 198.51.100.7")))
                .isEqualTo("198.51.100.7");
        assertThat(behindProxies.of(request("10.1.2.3", "192.0.2.1", "198.51.100.7")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void chainsOfTrustedProxiesAreWalkedToTheClient() {
        assertThat(behindProxies.of(request("10.1.2.3", "198.51.100.7, 10.9.9.9, [2001:db8:ffff::1]:443")))
                .isEqualTo("198.51.100.7");
        assertThat(behindProxies.of(request("10.1.2.3", "2001:db8:1::5, 10.9.9.9:8080")))
                .isEqualTo("2001:db8:1:0:0:0:0:5");
    }

    @Test
    void garbageStopsAtTheLastKnownHopAndIsNeverLookedUp() {
        assertThat(behindProxies.of(request("10.1.2.3", "evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(behindProxies.of(request("10.1.2.3", "198.51.100.7, 999.1.1.1")))
                .isEqualTo("10.1.2.3");
        assertThat(behindProxies.of(request("10.1.2.3"))).isEqualTo("10.1.2.3");
    }

    @Test
    void badConfigurationIsRefusedAtStartup() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal")))
                .hasMessageContaining("trusted-proxies");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
    }

    private static MockHttpServletRequest request(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }
}
