package org.corridor.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.springframework.stereotype.Component;

import org.corridor.audit.ProcessModels;

/**
 * Reads the deployed BPMN of a process from the engine's repository: the XML the engine
 * runs, not a copy shipped beside it. The definitions are shared by every district
 * (deployed without a tenant).
 */
@Component
class EngineProcessModels implements ProcessModels {

    private final RepositoryService repository;

    EngineProcessModels(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Model> of(String key, Integer version) {
        ProcessDefinitionQuery query = repository.createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .withoutTenantId();
        ProcessDefinition definition = (version == null ? query.latestVersion()
                : query.processDefinitionVersion(version))
            .singleResult();
        if (definition == null) {
            return Optional.empty();
        }
        try (InputStream xml = repository.getProcessModel(definition.getId())) {
            return Optional.of(new Model(definition.getKey(), definition.getVersion(), definition.getId(),
                    definition.getName(), new String(xml.readAllBytes(), StandardCharsets.UTF_8)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
