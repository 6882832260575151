package kr.mokmin.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Complaint texts for the triage benchmarks: the development sets under {@code <data>/complaints/} when present
 * (read at run time, never copied into the repository), otherwise complaints generated from templates.
 */
public final class BenchTexts {

    private BenchTexts() {
    }

    /** [title, body] pairs. */
    public static List<String[]> load(String dataDir) {
        return load(dataDir, "");
    }

    /** [title, body] pairs of the sets whose file name contains {@code set} ("" = all). */
    public static List<String[]> load(String dataDir, String set) {
        Path dir = Path.of(dataDir, "complaints");
        List<String[]> texts = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            JsonMapper json = JsonMapper.builder().build();
            try (var files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")
                        && p.getFileName().toString().contains(set)).sorted().toList()) {
                    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            if (!line.isBlank()) {
                                JsonNode node = json.readTree(line);
                                texts.add(new String[] {node.path("title").asString(""),
                                    node.path("content").asString("")});
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts.isEmpty() ? generated(2_000) : texts;
    }

    /** Template complaints with places, dates, amounts and plates, about 400 characters each. */
    public static List<String[]> generated(int count) {
        String[] places = {"금촌역 앞", "시청로 50", "운정중앙공원", "교하동 123-4", "문산읍 선유리 45번지", "야당역 2번 출구"};
        String[] topics = {"불법 주차", "가로등 고장", "쓰레기 무단 투기", "공사 소음", "도로 파손", "악취"};
        Random random = new Random(42);
        List<String[]> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String place = places[random.nextInt(places.length)];
            String topic = topics[random.nextInt(topics.length)];
            String body = "안녕하세요. " + place + "에서 " + topic + " 문제로 민원 드립니다. 2026년 " + (1 + random.nextInt(12))
                    + "월 " + (1 + random.nextInt(28)) + "일 오후 " + (1 + random.nextInt(11)) + "시경부터 계속되고 있습니다. "
                    + (10 + random.nextInt(89)) + "가" + (1000 + random.nextInt(9000)) + " 차량이 매일 같은 자리에 있고 "
                    + "주민 " + (10 + random.nextInt(900)) + "명이 불편을 겪고 있습니다. 과태료 " + (1 + random.nextInt(9))
                    + "만원으로는 해결이 안 됩니다. 주차장법 제" + (1 + random.nextInt(30)) + "조에 따라 단속해 주시고 "
                    + "근본적인 대책을 마련해 주시기 바랍니다. 연락처는 010-" + (1000 + random.nextInt(9000)) + "-"
                    + (1000 + random.nextInt(9000)) + "입니다. 감사합니다. 민원 번호 " + i + ".";
            texts.add(new String[] {place + " " + topic, body});
        }
        return texts;
    }
}
