package io.aegisrag.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ComposeFileTest {

    private static final String COMPOSE = "docker-compose.dgx-spark.yml";

    @Test
    void should_pass_docker_compose_config() {
        ExternalTool.Result result = ExternalTool.run(DeployFiles.deploy(), "docker-compose", "-f", COMPOSE, "config", "--quiet");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DeployFiles.resolve(COMPOSE)));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void should_run_the_whole_stack_with_health_checks_and_restart_policies() throws IOException {
        Map<String, Map<String, Object>> services = services();

        assertThat(services.keySet()).contains("aegisrag", "qdrant", "neo4j", "redis", "ollama", "prometheus", "alertmanager", "grafana");
        services.forEach((name, service) -> {
            assertThat(service).as(name).containsKey("restart");
            boolean oneShot = "no".equals(service.get("restart"));
            if (!service.containsKey("profiles") && !oneShot) {
                assertThat(service).as(name).containsKey("healthcheck");
            }
            String image = (String) service.get("image");
            if (!name.equals("aegisrag")) {
                assertThat(image).as(name).contains(":").doesNotEndWith(":latest");
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_keep_every_store_on_a_volume_and_give_ollama_the_gpu() throws IOException {
        Map<String, Map<String, Object>> services = services();

        for (String store : List.of("aegisrag", "qdrant", "neo4j", "redis", "ollama", "prometheus", "alertmanager", "grafana")) {
            assertThat((List<String>) services.get(store).get("volumes")).as(store).isNotEmpty();
        }
        Map<String, Object> reservations = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                services.get("ollama").get("deploy")).get("resources")).get("reservations");
        assertThat((List<Map<String, Object>>) reservations.get("devices")).singleElement()
                .satisfies(device -> assertThat(device).containsEntry("driver", "nvidia").containsEntry("count", 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_point_the_app_at_the_compose_services_and_build_it_from_the_repository() throws IOException {
        Map<String, Object> app = services().get("aegisrag");

        assertThat((Map<String, Object>) app.get("build")).containsEntry("dockerfile", "deploy/app/Dockerfile");
        assertThat(DeployFiles.resolve("app/Dockerfile")).isRegularFile();
        assertThat((Map<String, String>) app.get("environment")).containsEntry("AEGIS_QDRANT_URL", "http://qdrant:6333")
                .containsEntry("AEGIS_NEO4J_URI", "bolt://neo4j:7687")
                .containsEntry("AEGIS_REDIS_URL", "redis://redis:6379")
                .containsEntry("AEGIS_SHORT_TERM_PROVIDER", "${AEGIS_SHORT_TERM_PROVIDER:-redis}")
                .containsEntry("AEGIS_VECTOR_PROVIDER", "${AEGIS_VECTOR_PROVIDER:-qdrant}")
                .containsEntry("AEGIS_GRAPH_PROVIDER", "${AEGIS_GRAPH_PROVIDER:-neo4j}")
                .containsEntry("AEGIS_OLLAMA_URL", "http://ollama:11434");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_answer_and_embed_with_ollama_once_a_one_shot_service_has_pulled_both_models() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, String> app = (Map<String, String>) services.get("aegisrag").get("environment");
        Map<String, Object> pull = services.get("ollama-pull");
        Map<String, String> pullEnvironment = (Map<String, String>) pull.get("environment");

        assertThat(app).containsEntry("AEGIS_LLM_PROVIDER", "${AEGIS_LLM_PROVIDER:-ollama}")
                .containsEntry("AEGIS_EMBEDDING_PROVIDER", "${AEGIS_EMBEDDING_PROVIDER:-ollama}")
                .containsEntry("AEGIS_OLLAMA_MODEL", "${OLLAMA_CHAT_MODEL:-gpt-oss:20b}")
                .containsEntry("AEGIS_OLLAMA_EMBEDDING_MODEL", "${OLLAMA_EMBEDDING_MODEL:-bge-m3}");
        assertThat(pullEnvironment).containsEntry("OLLAMA_HOST", "ollama:11434")
                .containsEntry("CHAT_MODEL", "${OLLAMA_CHAT_MODEL:-gpt-oss:20b}")
                .containsEntry("EMBEDDING_MODEL", "${OLLAMA_EMBEDDING_MODEL:-bge-m3}");
        assertThat(String.join(" ", (List<String>) pull.get("entrypoint"))).contains("ollama pull \"$$CHAT_MODEL\"")
                .contains("ollama pull \"$$EMBEDDING_MODEL\"");
        assertThat((Map<String, Object>) services.get("aegisrag").get("depends_on"))
                .containsEntry("ollama-pull", Map.of("condition", "service_completed_successfully"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_give_every_service_a_memory_limit_out_of_the_sparks_unified_memory() throws IOException {
        services().forEach((name, service) -> assertThat(service).as(name).containsKey("mem_limit"));
        assertThat((Map<String, String>) services().get("neo4j").get("environment"))
                .containsEntry("NEO4J_server_memory_pagecache_size", "2G")
                .containsEntry("NEO4J_server_memory_heap_max__size", "2G");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_run_an_ollama_that_knows_the_gb10_tuned_for_concurrent_questions() throws IOException {
        for (String name : List.of("ollama", "ollama-pull")) {
            String tag = ((String) services().get(name).get("image")).substring("ollama/ollama:".length());
            int[] version = java.util.Arrays.stream(tag.split("\\.")).mapToInt(Integer::parseInt).toArray();
            assertThat(version[0] > 0 || version[1] > 15 || (version[1] == 15 && version[2] >= 3)).as("%s: %s is at least 0.15.3", name, tag).isTrue();
        }
        assertThat((Map<String, String>) services().get("ollama").get("environment")).containsKeys("OLLAMA_NUM_PARALLEL", "OLLAMA_KEEP_ALIVE",
                "OLLAMA_MAX_LOADED_MODELS", "OLLAMA_FLASH_ATTENTION", "OLLAMA_KV_CACHE_TYPE", "OLLAMA_CONTEXT_LENGTH");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_serve_chat_and_reranking_on_vllm_under_its_profile_with_the_app_wired_to_it() throws IOException {
        Map<String, Map<String, Object>> services = services();
        for (String name : List.of("vllm", "vllm-reranker")) {
            Map<String, Object> vllm = services.get(name);
            assertThat((List<String>) vllm.get("profiles")).as(name).containsExactly("vllm");
            assertThat(vllm).as(name).containsEntry("ipc", "host").containsKey("healthcheck").containsKey("deploy");
        }
        assertThat(String.join(" ", (List<String>) services.get("vllm").get("command"))).contains("--kv-cache-dtype fp8")
                .contains("--gpu-memory-utilization").doesNotContain("--enforce-eager");

        ExternalTool.Result config = ExternalTool.run(DeployFiles.deploy(), "docker-compose", "-f", COMPOSE, "--env-file", "vllm.env",
                "--profile", "vllm", "config");

        assertThat(config.exitCode()).as(config.output()).isZero();
        assertThat(config.output()).contains("AEGIS_OPENAI_URL: http://vllm:8000/v1").contains("AEGIS_LLM_FALLBACK: openai,ollama,extractive")
                .contains("AEGIS_RERANK_URL: http://vllm-reranker:8000/v1/rerank").contains("AEGIS_RETRIEVAL_RERANK: http");
    }

    @Test
    void should_pass_docker_compose_config_with_each_profile() {
        for (String profile : List.of("vllm", "gpu-metrics", "tracing")) {
            ExternalTool.Result result = ExternalTool.run(DeployFiles.deploy(), "docker-compose", "-f", COMPOSE, "--profile", profile, "config", "--quiet");
            assertThat(result.exitCode()).as(profile + ": " + result.output()).isZero();
        }
    }

    @Test
    void should_record_a_linux_arm64_build_for_every_image_with_its_source() throws IOException {
        String guide = Files.readString(DeployFiles.resolve("run-on-dgx-spark.md"));
        services().forEach((name, service) -> {
            String image = (String) service.get("image");
            if (!name.equals("aegisrag")) {
                assertThat(guide).as("%s's image %s has a row with arm64 and its source", name, image)
                        .containsPattern("\\| `" + java.util.regex.Pattern.quote(image) + "` \\| yes \\| [^|]+\\|");
            }
        });
    }
}
