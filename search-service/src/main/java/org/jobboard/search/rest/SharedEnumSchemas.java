package org.jobboard.search.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.contracts.postings.Seniority;
import org.jobboard.contracts.postings.WorkplaceType;

import java.util.Arrays;
import java.util.List;

/**
 * Keeps the shared posting enums named components of the OpenAPI document ({@code EmploymentType},
 * {@code WorkplaceType}, {@code Seniority}), as the gateway's merged document expects. The contracts enums carry no
 * OpenAPI annotations, and the generator writes an enum used as the items of an array parameter or property inline;
 * this filter points those items at the named component instead.
 */
public class SharedEnumSchemas implements OASFilter {
    private static final List<Class<? extends Enum<?>>> SHARED = List.of(EmploymentType.class, WorkplaceType.class,
            Seniority.class);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem path : openAPI.getPaths().getPathItems().values()) {
                for (Operation operation : path.getOperations().values()) {
                    if (operation.getParameters() != null) {
                        for (Parameter parameter : operation.getParameters()) {
                            referToComponent(openAPI, parameter.getSchema());
                        }
                    }
                }
            }
        }
        if (openAPI.getComponents().getSchemas() != null) {
            for (Schema schema : List.copyOf(openAPI.getComponents().getSchemas().values())) {
                if (schema.getProperties() != null) {
                    schema.getProperties().values().forEach(property -> referToComponent(openAPI, property));
                }
            }
        }
    }

    /** An array whose items list exactly a shared enum's values gets items {@code $ref}-ing that enum's component. */
    private static void referToComponent(OpenAPI openAPI, Schema schema) {
        if (schema == null || schema.getItems() == null || schema.getItems().getEnumeration() == null) {
            return;
        }
        List<Object> values = schema.getItems().getEnumeration();
        for (Class<? extends Enum<?>> shared : SHARED) {
            List<Object> names = Arrays.stream(shared.getEnumConstants()).map(e -> (Object) e.name()).toList();
            if (values.equals(names)) {
                String name = shared.getSimpleName();
                if (openAPI.getComponents().getSchemas() == null
                        || !openAPI.getComponents().getSchemas().containsKey(name)) {
                    openAPI.getComponents().addSchema(name, OASFactory.createSchema()
                            .addType(Schema.SchemaType.STRING).enumeration(names));
                }
                schema.setItems(OASFactory.createSchema().ref(name));
                return;
            }
        }
    }
}
