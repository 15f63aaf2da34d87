package io.nubis.runtime.internal.userdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JinjaVariablesTest {
    @Test
    void versionKeysAreCopiedUpAndOperatorKeysAliased() {
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("instance_id", "i-1");
        v1.put("local-hostname", "h");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("local-hostname", "h.example.com");
        meta.put("v1.0", Map.of("a.b", 1));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("v1", v1);
        data.put("ds", Map.of("meta_data", meta));
        data.put("instance_id", "top-level-loses");
        Map<String, Object> vars = JinjaVariables.from(data);
        assertEquals("i-1", vars.get("instance_id"), "v1's children replace same-named earlier keys");
        assertEquals("h", vars.get("local_hostname"));
        assertEquals("h", vars.get("local-hostname"));
        Map<?, ?> md = (Map<?, ?>) ((Map<?, ?>) vars.get("ds")).get("meta_data");
        assertEquals("h.example.com", md.get("local_hostname"));
        assertEquals(Map.of("a.b", 1, "a_b", 1), md.get("v1_0"));
        assertEquals(List.of("ds", "instance_id", "v1", "instance_id", "local-hostname", "local_hostname")
                .stream().distinct().toList(), List.copyOf(vars.keySet()));
    }

    @Test
    void aliasesReplaceEveryOperator() {
        Map<String, Object> vars = JinjaVariables.from(Map.of("a//b**c==d!=e.f-g+h:i|j,k;l[m]n(o)p{q}r~s%t<u>v=w", 1));
        assertEquals(1, vars.get("a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_q_r_s_t_u_v_w"));
    }

    @Test
    void base64EncodedKeysAreDecoded() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("base64_encoded_keys", List.of("ds/meta_data/blob", "ds/meta_data/bin"));
        data.put("ds", Map.of("meta_data", Map.of("blob", "aGVsbG8=", "bin", "/w==", "plain", "aGVsbG8=")));
        Map<?, ?> md = (Map<?, ?>) ((Map<?, ?>) JinjaVariables.from(data).get("ds")).get("meta_data");
        assertEquals("hello", md.get("blob"));
        assertEquals("/w==", md.get("bin"), "not UTF-8 text: left as it is");
        assertEquals("aGVsbG8=", md.get("plain"));
    }

    @Test
    void inputIsNotModified() {
        Map<String, Object> inner = new LinkedHashMap<>(Map.of("x-y", 1));
        Map<String, Object> data = new LinkedHashMap<>(Map.of("v2", inner));
        JinjaVariables.from(data);
        assertFalse(inner.containsKey("x_y"));
        assertEquals(1, data.size());
    }
}
